"""Eliminations and the archive's reply through the Classic UI pages, in French, over HTTP: the archivist proposes
from the dashboard, downloads the bordereau, records the visa with the signed bordereau, runs or cancels; the
séance's procès-verbal (sort final C) survives the elimination of its convocation (D). Others are refused."""

from .sae import manifest_of
from .sae import reply_for
from .test_pages import browser
from .test_pages import page
from .test_pages import token
from .test_rest import call
from collective.deliberations_demo.pdf import pdf_file
from lxml import etree
from plone import api
from pypdf import PdfReader

import io
import pytest
import transaction


@pytest.fixture
def site(functional_archives):
    world = functional_archives
    api.content.create(
        world.old,
        "File",
        id="proces-verbal",
        title="Procès-verbal",
        document_type="proces_verbal",
        file=pdf_file("pv.pdf", "Procès-verbal", ["Séance du 12 mars 2024."]),
    )
    transaction.commit()
    url = f"{world.portal.absolute_url()}/@retention-schedule"
    response = call("PATCH", url, json={"rules": {"convocations": {"final_action": "D"}}})
    assert response.status_code == 200, response.text
    return world


def propose_from_dashboard(archivist, site, title):
    doc = page(archivist.get(f"{site.portal.absolute_url()}/@@archives-dashboard"))
    assert doc.xpath("//section[@id='final-D']//tr/td[2]/a/text()") == [
        "Conseil communautaire",
        "Conseil communautaire : données personnelles de la convocation",  # closed today: due in a year
    ]
    form = doc.xpath("//section[@id='final-D']//form")[0]
    assert len(form.xpath(".//input[@name='personal:list']")) == 1
    box = form.xpath(".//input[@name='records:list']/@value")
    assert len(box) == 1
    response = archivist.post(form.action, data={"_authenticator": token(doc), "records:list": box, "title": title})
    assert "@@archives-elimination?id=ELIM-" in response.url
    return response


def post(archivist, doc, **fields):
    form = next(f for f in doc.forms if f.xpath(".//input[@name='id']"))
    data = {"_authenticator": token(doc), "id": form.xpath(".//input[@name='id']/@value")[0], **fields}
    files = data.pop("files", None)
    return page(archivist.post(form.action, data=data, files=files))


def test_elimination_through_the_pages(site):
    archivist = browser()
    proposed = propose_from_dashboard(archivist, site, "Dossiers de séance 2024")
    doc = page(proposed)
    assert "Élimination proposée" in doc.text_content()
    assert doc.xpath("//span[@id='elimination-status']/text()") == ["Proposée : en attente du visa"]
    destroyed = doc.xpath("//table[@id='elimination-records']//tr/td[4]//text()")
    assert [text.strip() for text in destroyed if text.strip()] == ["Convocation"]  # not the procès-verbal
    assert not doc.xpath("//button[@name='run']")
    bordereau = archivist.get(doc.xpath("//a[contains(@href,'file=bordereau')]/@href")[0])
    assert bordereau.headers["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(bordereau.content)).pages[0].extract_text()
    assert "Dossiers de séance 2024" in text and "Convocation" in text and "Procès-verbal" not in text

    # running without the visa destroys nothing, even by a hand-made request
    doc = post(archivist, doc, run="1")
    assert "Sans le visa de l'administration des archives, rien n'est détruit." in doc.text_content()
    assert call("GET", f"{site.old.absolute_url()}/convocation", "admin").status_code == 200
    # an incomplete visa is refused, and what was typed stays in the form
    typed = {"authority": "Archives départementales de l'Hérault", "date": "2026-10-01"}
    doc = post(archivist, doc, visa="1", **typed)
    assert "Un visa demande l'autorité" in doc.text_content()
    assert doc.xpath("//input[@name='authority']/@value") == ["Archives départementales de l'Hérault"]
    assert doc.xpath("//input[@name='date']/@value") == ["2026-10-01"]
    signed = {"file": ("bordereau-vise.pdf", bordereau.content, "application/pdf")}
    refused = post(archivist, doc, visa="1", reference="V-2026-118", files=signed, **typed)
    assert "autre personne que l’archiviste qui a proposé" in refused.text_content()
    colleague = browser("archiviste2")  # the visa is recorded by someone else than the proposer
    doc = post(
        colleague,
        page(colleague.get(proposed.url)),
        visa="1",
        authority="Archives départementales de l'Hérault",
        date="2026-10-01",
        reference="V-2026-118",
        files=signed,
    )
    assert "Visa enregistré" in doc.text_content()
    assert doc.xpath("//span[@id='elimination-status']/text()") == ["Visa enregistré : peut être exécutée"]
    visa_file = archivist.get(doc.xpath("//a[contains(@href,'file=visa')]/@href")[0])
    assert visa_file.content == bordereau.content

    doc = post(archivist, page(archivist.get(proposed.url)), run="1")
    assert "Élimination exécutée" in doc.text_content()
    assert doc.xpath("//span[@id='elimination-status']/text()") == ["Exécutée : détruit"]
    assert call("GET", f"{site.old.absolute_url()}/convocation", "admin").status_code == 404
    assert call("GET", f"{site.old.absolute_url()}/proces-verbal", "admin").status_code == 200
    assert call("GET", site.old.absolute_url(), "admin").json()["title"] == "Conseil communautaire"  # tombstone
    assert archivist.get(doc.xpath("//a[contains(@href,'file=bordereau')]/@href")[0]).status_code == 200
    assert not doc.xpath("//button[@name='cancel']")
    listing = page(archivist.get(f"{site.portal.absolute_url()}/@@archives-eliminations"))
    assert listing.xpath("//tbody/tr/td[2]/text()") == ["Dossiers de séance 2024"]
    actions = [e["action"] for e in call("GET", f"{site.portal.absolute_url()}/@retention-log").json()["items"]]
    assert actions[:3] == ["elimination_run", "elimination_visa", "elimination_proposed"]


def test_cancelled_elimination_destroys_nothing(site):
    archivist = browser()
    doc = page(propose_from_dashboard(archivist, site, "À annuler"))
    elimination_url = doc.xpath("//a[contains(@href,'file=bordereau')]/@href")[0].replace(
        "@@archives-bordereau", "@@archives-elimination"
    )
    doc = post(archivist, doc, cancel="1")
    assert "Élimination annulée : rien n'a été détruit." in doc.text_content()
    assert not doc.xpath("//button[@name='run']") and not doc.xpath("//input[@name='authority']")
    assert call("GET", f"{site.old.absolute_url()}/convocation", "admin").status_code == 200
    for client in (browser("secretaire"), browser("elu"), browser(None)):
        for url in (
            f"{site.portal.absolute_url()}/@@archives-eliminations",
            elimination_url,
            elimination_url.replace("@@archives-elimination", "@@archives-bordereau"),
            f"{site.portal.absolute_url()}/@@archives-reply",
        ):
            refused = client.get(url, allow_redirects=False)
            assert refused.status_code in (302, 401, 403), url
            assert "%PDF" not in refused.text and "Élimination" not in refused.text
            if refused.status_code == 302:
                assert "require_login" in refused.headers["Location"]
        refused = client.post(
            f"{site.portal.absolute_url()}/@@archives-eliminations",
            data={"records:list": [call("GET", site.old.absolute_url(), "admin").json()["UID"]]},
            allow_redirects=False,
        )
        assert refused.status_code in (302, 401, 403)
    assert len(call("GET", f"{site.portal.absolute_url()}/@eliminations").json()["items"]) == 1


def test_reply_uploaded_on_its_page(site, seda_schemas, vault):
    archivist = browser()
    transfer_url = f"{site.old.absolute_url()}/@@archives-transfer"
    doc = page(archivist.get(transfer_url))
    page(archivist.post(transfer_url, data={"_authenticator": token(doc), "transfer": "1"}))
    [sip] = vault.glob("*.zip")
    url = f"{site.portal.absolute_url()}/@@archives-reply"
    doc = page(archivist.get(url))
    assert doc.xpath("//table[@id='transfers']//td[3]/text()") == ["déposé dans le coffre"]
    unknown = reply_for(manifest_of(sip), request_id="SIP-000000000-INCONNU")
    doc = page(
        archivist.post(
            url, data={"_authenticator": token(doc)}, files={"file": ("reponse.xml", unknown, "application/xml")}
        )
    )
    assert "un versement que ce site n'a jamais fait" in doc.text_content()
    doc = page(archivist.post(url, data={"_authenticator": token(doc)}))
    assert "Choisissez le fichier de réponse de l'archive." in doc.text_content()
    reply = reply_for(manifest_of(sip))
    doc = page(
        archivist.post(url, data={"_authenticator": token(doc)}, files={"file": ("reponse.xml", reply, "text/xml")})
    )
    assert f"Réponse de l'archive enregistrée pour {sip.stem} : archivé." in doc.text_content()
    assert doc.xpath("//table[@id='transfers']//td[4]/text()") == [
        etree.fromstring(reply).findtext("{fr:gouv:culture:archivesdefrance:seda:v2.2}MessageIdentifier")
    ]
    budget = call("GET", f"{site.budget.absolute_url()}", "admin")
    assert budget.status_code == 200
