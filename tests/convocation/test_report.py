"""The follow-up as a PDF report, the legal proof of the délai: each recipient with the times the convocation was
made available, accepted by the SMTP server, first opened, answered; each proof manifest with its digest and its
RFC 3161 time. For the secretariat only."""

from .conftest import convene
from .conftest import personal_link
from .conftest import read_as_the_page_does
from collective.deliberations.convocation.storage import get_convocation
from lxml import html
from plone import api
from pypdf import PdfReader

import io
import transaction


def test_the_report_holds_the_proof_of_the_delay(site, inbox, browser, rest, tsa):
    api.portal.set_registry_record("collective.deliberations.convocation.tsa_url", tsa.url)
    transaction.commit()
    convene(site.session)
    reader = browser()
    read_as_the_page_does(reader, reader.get(personal_link(inbox.to("elu@example.org")[0])))  # through the link
    rest("elu2").post(f"{site.session.absolute_url()}/@presence", json={"answer": "absent"})
    transaction.begin()
    (manifest,) = get_convocation(site.session).manifests
    secretariat = browser("secretaire")
    page = html.fromstring(secretariat.get(f"{site.session.absolute_url()}/@@convocation-suivi").text)
    assert page.xpath('//a[@id="followup-pdf"]/@href') == [f"{site.session.absolute_url()}/@@convocation-suivi.pdf"]
    response = secretariat.get(f"{site.session.absolute_url()}/@@convocation-suivi.pdf")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "Suivi de la convocation — Séance" in text
    assert "9 jours francs avant la séance ; la loi en demande 3." in text
    assert "2 destinataires : 2 remis au serveur de messagerie" in text
    assert "Élu du conseil et de la commission" in text
    assert "Ouverture du dossier par le lecteur, via le navigateur (ordinateur), le " in text
    reading = get_convocation(site.session).get("elu").reading_proof  # dated like the manifests
    assert reading["tsa_time"] and f"RFC 3161 : {' '.join(reading['tsa_time'].split())}" in text
    assert (
        '"event": "ouverture du dossier par le lecteur"' in reading["json"]
        and '"device": "computer"' in reading["json"]
    )
    assert "Absent" in text
    assert manifest["sha256"][:40] in text.replace(" ", "") and " ".join(manifest["tsa_time"].split()) in text


def test_only_the_secretariat_reads_the_report(site, inbox, browser):
    convene(site.session)
    url = f"{site.session.absolute_url()}/@@convocation-suivi.pdf"
    assert browser().get(url, allow_redirects=False).status_code in (302, 401)
    assert browser("elu").get(url, allow_redirects=False).status_code in (302, 401, 403)
    assert browser("secretaire").get(url).status_code == 200
