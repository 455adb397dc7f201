"""The officials' extranet: "Mes séances" across bodies, and the dossier page with the presence answer."""

from .conftest import authenticator
from .conftest import convene
from .conftest import read_as_the_page_does
from collective.deliberations.convocation.storage import get_convocation
from lxml import html
from plone import api
from plone.namedfile.file import NamedBlobFile

import transaction


def words(element):
    return " ".join(element.text_content().split())


def test_my_sessions_lists_every_body_of_the_official(site, inbox, browser):
    meeting = api.content.create(
        site.commission, "Session", id="reunion", title="Commission des finances", start=site.session.start
    )
    site.information(meeting)
    transaction.commit()
    convene(site.session)
    convene(meeting)
    tree = html.fromstring(browser("elu").get("@@mes-seances").text)
    upcoming = words(tree.xpath('//*[@id="sessions-upcoming"]')[0])
    assert "Séance" in upcoming and "Commission des finances" in upcoming
    assert "Présence à indiquer" in upcoming
    links = tree.xpath('//*[@id="sessions-upcoming"]//a/@href')
    assert f"{site.session.absolute_url()}/@@dossier" in links
    other = html.fromstring(browser("elu2").get("@@mes-seances").text)
    assert "Commission des finances" not in words(other.xpath('//*[@id="sessions-upcoming"]')[0])
    assert browser().get("@@mes-seances", allow_redirects=False).status_code in (302, 401)


def test_dossier_page_records_reading_and_answer(site, inbox, browser):
    with api.env.adopt_user(username="secretaire"):
        api.content.create(site.session, "File", title="Note de synthèse", document_type="note_synthese",
                           file=NamedBlobFile(b"%PDF-1.4 note", filename="note.pdf"))  # fmt: skip
    transaction.commit()
    convene(site.session)
    elu = browser("elu")
    response = elu.get(f"{site.session.absolute_url()}/@@dossier")
    tree = html.fromstring(response.text)
    assert words(tree.xpath('//*[@id="dossier-toc"]/..')[0]).startswith("Sommaire Ma présence")
    assert "Note explicative de synthèse" in words(tree.xpath('//*[@id="session-documents"]')[0])
    assert "1. Budget primitif" in words(tree.xpath('//*[@id="item-1"]')[0])
    transaction.begin()
    assert get_convocation(site.session).get("elu").first_opened_at is None  # a GET writes nothing
    assert read_as_the_page_does(elu, response, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile").status_code == 204
    transaction.begin()
    record = get_convocation(site.session).get("elu")
    assert (record.first_opened_by, record.first_opened_device) == ("login", "phone")
    followup = browser("secretaire").get(f"{site.session.absolute_url()}/@@convocation-suivi").text
    assert "Ouverture du dossier par le lecteur connecté, via le navigateur (téléphone), le " in followup
    response = elu.post(
        f"{site.session.absolute_url()}/@@dossier",
        data={"answer": "present", "_authenticator": authenticator(response.text)},
    )
    assert "Présent" in words(html.fromstring(response.text).xpath('//*[@id="current-answer"]')[0])
    refused = elu.post(
        f"{site.session.absolute_url()}/@@dossier",
        data={"answer": "procuration", "proxy": "elu", "_authenticator": authenticator(response.text)},
    )
    assert refused.status_code == 400
    assert "Donnez procuration à un autre membre" in refused.text


def test_guests_get_an_invitation(site, inbox):
    api.content.create(site.council, "Membership", id="agent", member="agent", member_role="invite")
    transaction.commit()
    convene(site.session)
    assert inbox.to("agent@example.org")[0]["Subject"] == "Invitation : Séance"
    assert inbox.to("elu@example.org")[0]["Subject"] == "Convocation : Séance"
