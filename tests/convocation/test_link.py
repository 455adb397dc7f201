"""The personal link: only that session's dossier and the presence answer; first opening recorded; revocable;
expired or revoked, it says so."""

from .conftest import authenticator
from .conftest import convene
from .conftest import personal_link
from .conftest import read_as_the_page_does
from collective.deliberations.convocation.storage import get_convocation
from datetime import datetime
from datetime import timedelta
from lxml import html
from plone import api
from plone.namedfile.file import NamedBlobFile

import io
import transaction
import zipfile


def add_document(container, title, data, **flags):
    with api.env.adopt_user(username="secretaire"):
        return api.content.create(
            container, "File", title=title, file=NamedBlobFile(data, filename=f"{title}.pdf"), **flags
        )


def text(response):
    return " ".join(html.fromstring(response.text).text_content().split())


def revoke(secretariat, session, **form):
    url = f"{session.absolute_url()}/@@convocation-suivi"
    return secretariat.post(url, data={**form, "_authenticator": authenticator(secretariat.get(url).text)})


def test_the_link_opens_the_dossier_records_the_first_opening_and_takes_the_answer(site, inbox, browser):
    add_document(site.deliberation, "Annexe budgétaire", b"%PDF-1.4 annexe")
    internal = add_document(site.deliberation, "Note interne", b"%PDF-1.4 interne", publishable=False)
    transaction.commit()
    convene(site.session)
    link = personal_link(inbox.to("elu@example.org")[0])
    anonymous = browser()
    response = anonymous.get(link)
    assert response.status_code == 200
    page = text(response)
    assert "Séance" in page and "Budget primitif" in page and "Annexe budgétaire" in page
    assert "Note interne" not in page
    read_as_the_page_does(anonymous, response)  # the page's script, once a person has it before their eyes
    transaction.begin()
    record = get_convocation(site.session).get("elu")
    assert record.first_opened_by == "link" and record.first_opened_at is not None
    first = record.first_opened_at
    read_as_the_page_does(anonymous, anonymous.get(link))
    transaction.begin()
    assert get_convocation(site.session).get("elu").first_opened_at == first  # only the first opening counts
    # the documents of the dossier download through the link; an internal one does not
    tree = html.fromstring(response.text)
    document_url = next(a for a in tree.xpath("//a/@href") if "/document/" in a)
    assert anonymous.get(document_url).content == b"%PDF-1.4 annexe"
    assert anonymous.get(f"{link}/document/{internal.UID()}").status_code == 404
    # the answer
    response = anonymous.post(
        link, data={"answer": "procuration", "proxy": "elu2", "_authenticator": authenticator(response.text)}
    )
    assert response.status_code == 200
    assert "Procuration → Élue du conseil" in text(response)
    transaction.begin()
    answers = get_convocation(site.session).get("elu").answers
    assert [(a["answer"], a["proxy"]) for a in answers] == [("procuration", "elu2")]


def test_another_sessions_documents_are_not_reachable(site, inbox, browser):
    convene(site.session)
    other = api.content.create(site.council, "Session", id="autre", title="Autre", start=site.session.start)
    secret = add_document(other, "Autre dossier", b"%PDF-1.4 autre")
    transaction.commit()
    link = personal_link(inbox.to("elu@example.org")[0])
    assert browser().get(f"{link}/document/{secret.UID()}").status_code == 404


def test_revoked_expired_and_unknown_links_say_so(site, inbox, browser):
    convene(site.session)
    link = personal_link(inbox.to("elu@example.org")[0])
    response = browser().get(link[:-4] + "abcd")
    assert response.status_code == 404 and "Ce lien n'est pas valide" in text(response)
    secretariat = browser("secretaire")
    page = secretariat.get(f"{site.session.absolute_url()}/@@convocation-suivi")
    secretariat.post(
        f"{site.session.absolute_url()}/@@convocation-suivi",
        data={"recipient": "elu", "revoke": "1", "_authenticator": authenticator(page.text)},
    )
    response = browser().get(link)
    assert response.status_code == 410 and "Ce lien a été révoqué le" in text(response)
    link2 = personal_link(inbox.to("elu2@example.org")[0])
    assert browser().get(link2).status_code == 200
    transaction.begin()
    site.session.start = datetime.now() - timedelta(days=31)  # 30 days of validity by default
    transaction.commit()
    response = browser().get(link2)
    assert response.status_code == 410 and "Ce lien a expiré le" in text(response)
    api.portal.set_registry_record("collective.deliberations.convocation.link_validity_days", 60)
    transaction.commit()
    assert browser().get(link2).status_code == 200


IPAD = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari"


def test_a_link_scanners_get_records_no_reading_the_readers_browser_does(site, inbox, browser):
    add_document(site.deliberation, "Annexe budgétaire", b"%PDF-1.4 annexe")
    transaction.commit()
    convene(site.session)
    link = personal_link(inbox.to("elu@example.org")[0])
    scanner = browser()  # a mail scanner follows the link and what the page links to, without running scripts
    page = scanner.get(link)
    for url in html.fromstring(page.text).xpath("//a/@href"):
        if url.startswith(link):
            scanner.get(url)
    transaction.begin()
    assert get_convocation(site.session).get("elu").first_opened_at is None
    assert scanner.get(f"{site.portal.absolute_url()}/@@convocation-lecture").status_code == 405  # no GET writes
    refused = scanner.post(f"{site.portal.absolute_url()}/@@convocation-lecture", data={"token": "x" * 43})
    assert refused.status_code == 404
    response = read_as_the_page_does(scanner, page, IPAD)
    assert response.status_code == 204
    transaction.begin()
    record = get_convocation(site.session).get("elu")
    assert (record.first_opened_by, record.first_opened_device) == ("link", "tablet")
    followup = text(browser("secretaire").get(f"{site.session.absolute_url()}/@@convocation-suivi"))
    assert "Ouverture du dossier par le lecteur, via le navigateur (tablette), le " in followup


def test_confidential_documents_need_the_elus_login(site, inbox, browser):
    add_document(site.deliberation, "Annexe budgétaire", b"%PDF-1.4 annexe")
    secret = add_document(site.deliberation, "Rapport confidentiel", b"%PDF-1.4 secret", confidential=True)
    transaction.commit()
    convene(site.session)
    link = personal_link(inbox.to("elu@example.org")[0])
    forwarded = browser()  # whoever the mail was forwarded to
    page = forwarded.get(link)
    tree = html.fromstring(page.text)
    entry = tree.xpath('//li[contains(@class, "login-needed")]')[0]
    assert "Rapport confidentiel" in entry.text_content() and "Connectez-vous pour consulter" in entry.text_content()
    login = entry.xpath(".//a/@href")[0]
    assert "/login" in login and "came_from=" in login and secret.UID() not in link
    response = forwarded.get(f"{link}/document/{secret.UID()}")
    assert response.status_code == 403 and "connectez-vous" in text(response).lower()
    assert b"secret" not in response.content
    names = zipfile.ZipFile(io.BytesIO(forwarded.get(f"{link}/dossier.zip").content)).namelist()
    assert names == ["01 1. Budget primitif/Annexe budgétaire.pdf"]
    # logged in, the élu reads it
    dossier = browser("elu").get(f"{site.session.absolute_url()}/@@dossier")
    assert "Rapport confidentiel" in text(dossier)
    assert browser("elu").get(f"{secret.absolute_url()}/@@download/file").content == b"%PDF-1.4 secret"


def test_the_secretariat_revokes_every_link_and_sending_again_gives_a_new_one(site, inbox, browser):
    convene(site.session)
    links = [personal_link(inbox.to(address)[0]) for address in ("elu@example.org", "elu2@example.org")]
    secretariat = browser("secretaire")
    revoke(secretariat, site.session, revoke_all="1")
    for link in links:
        response = browser().get(link)
        assert response.status_code == 410 and "Ce lien a été révoqué le" in text(response)
    inbox.clear()
    revoke(secretariat, site.session, recipient="elu", resend="1")
    new = personal_link(inbox.to("elu@example.org")[0])
    assert new != links[0] and browser().get(new).status_code == 200
    assert browser().get(links[0]).status_code in (404, 410)


def test_the_elu_revokes_their_own_link(site, inbox, browser):
    convene(site.session)
    link = personal_link(inbox.to("elu@example.org")[0])
    anonymous = browser()
    page = anonymous.get(link)
    response = anonymous.post(link, data={"revoke_link": "1", "_authenticator": authenticator(page.text)})
    assert response.status_code == 410 and "Ce lien a été révoqué le" in text(response)
    login = html.fromstring(response.text).xpath('//a[@id="link-login"]/@href')[0]
    assert "/login?came_from=" in login and "%40%40dossier" in login  # what to do now: log in
    assert browser().get(link).status_code == 410
    # logged in, from the dossier
    link2 = personal_link(inbox.to("elu2@example.org")[0])
    elu2 = browser("elu2")
    dossier = f"{site.session.absolute_url()}/@@dossier"
    page = elu2.get(dossier)
    response = elu2.post(dossier, data={"revoke_link": "1", "_authenticator": authenticator(page.text)})
    assert response.status_code == 200 and "Votre lien personnel est révoqué" in text(response)
    assert browser().get(link2).status_code == 410


def test_an_answer_through_the_link_is_a_reading_even_without_the_pages_script(site, inbox, browser):
    convene(site.session)
    link = personal_link(inbox.to("elu@example.org")[0])
    reader = browser()
    page = reader.get(link)
    reader.post(link, data={"answer": "present", "_authenticator": authenticator(page.text)})
    transaction.begin()
    record = get_convocation(site.session).get("elu")
    assert record.first_opened_by == "link" and record.reading_proof is not None
