"""The published act frozen at publication: the PDF served at the permanent URL is the one made when the act was
published (with "Publié le"), and stays byte for byte the same when the deliberation is edited afterwards."""

from .test_rendering import pdf_text
from documents.test_portal import get
from documents.test_portal import published  # noqa: F401  (fixture)
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import hashlib
import transaction


NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216"


def ar_acte(number, date="2026-12-07"):
    return f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<actes:ARActe xmlns:actes="{NS}" actes:IDActe="034-491011698-20261205-{number}-DE" actes:DateReception="{date}">
  <actes:ActeRecu actes:CodeNatureActe="1" actes:Date="2026-12-05" actes:NumeroInterne="{number}">
    <actes:CodeMatiere1 actes:CodeMatiere="7"/>
    <actes:Objet>Budget annexe de l'eau</actes:Objet>
  </actes:ActeRecu>
</actes:ARActe>"""


def test_published_pdf_never_changes(published, request_factory, tmp_path):  # noqa: F811
    world, act, adopted, individual, planned = published
    first = get(request_factory, f"@@actes/{act.number}/acte.pdf")
    assert first.headers["Content-Type"].startswith("application/pdf")
    digest = hashlib.sha256(first.content).hexdigest()
    assert first.headers["X-Content-SHA256"] == digest
    text = pdf_text(first.content, tmp_path)
    assert "Budget annexe de l'eau" in text and "Publié le" in text
    rest = request_factory(basic_auth=("secretaire", "secret-1234")).get(f"{act.absolute_url()}/@publication").json()
    assert rest["pdf"].endswith(f"/@@actes/{act.number}/acte.pdf") and rest["pdf_sha256"] == digest

    manager = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    changed = manager.patch(act.absolute_url(), json={"title": "Objet réécrit après la publication"})
    assert changed.status_code == 204, changed.text
    transaction.begin()
    assert api.content.get(UID=act.UID()).Title() == "Objet réécrit après la publication"
    again = get(request_factory, f"@@actes/{act.number}/acte.pdf")
    assert hashlib.sha256(again.content).hexdigest() == digest  # the same bytes as at publication
    live = request_factory(api=False).get(f"{act.absolute_url()}/@@acte.pdf")  # the act generated now changed
    assert "Objet réécrit après la publication" in pdf_text(live.content, tmp_path)

    page = html.fromstring(get(request_factory, f"@@actes/{act.number}").text)
    assert page.xpath('//a[@id="act-pdf"]')[0].get("href").endswith(f"/@@actes/{act.number}/acte.pdf")
    assert digest in page.xpath('//*[@id="act-pdf-digest"]')[0].text_content()


def test_unpublished_acts_have_no_pdf_on_the_portal(published, request_factory):  # noqa: F811
    world, act, adopted, individual, planned = published
    for other in (adopted, individual):
        get(request_factory, f"@@actes/{other.number}/acte.pdf", status=404)
    get(request_factory, f"@@actes/{act.number}/autre.pdf", status=404)
    get(request_factory, "@@actes/atom.xml/acte.pdf", status=404)


def test_transmission_date_shown_once_known(published, request_factory):  # noqa: F811
    world, act, adopted, individual, planned = published
    page = html.fromstring(get(request_factory, f"@@actes/{act.number}").text)
    assert not page.xpath('//*[@id="act-transmitted"]')
    secretariat = request_factory(basic_auth=("secretaire", "secret-1234"))
    recorded = secretariat.post(f"{act.absolute_url()}/@actes", json={"ar_acte": ar_acte(act.number)})
    assert recorded.status_code == 200, recorded.text
    page = html.fromstring(get(request_factory, f"@@actes/{act.number}").text)
    assert page.xpath('//*[@id="act-transmitted"]')[0].text_content().strip() == "07/12/2026"
