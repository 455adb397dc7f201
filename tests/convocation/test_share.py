"""Sharing a document with a body before the convocation: the members of the body see it (in "Mes séances" and at
its address) while the session is still planned; someone outside the body does not; an internal document is never
shared; unshared, it is closed again. Through the page and through REST, for the secretariat only."""

from .conftest import authenticator
from lxml import html
from plone import api
from plone.namedfile.file import NamedBlobFile

import transaction


def add(container, title, **flags):
    with api.env.adopt_user(username="secretaire"):
        data = NamedBlobFile(b"%PDF-1.4 " + title.encode(), filename="doc.pdf")
        return api.content.create(container, "File", title=title, file=data, **flags)


def download(browser, user, document):
    return browser(user).get(f"{document.absolute_url()}/@@download/file", allow_redirects=False)


def share_by_page(browser, session, document, shared=True):
    """From the session's dossier page, where the secretariat finds the link, to the sharing page."""
    secretariat = browser("secretaire")
    dossier = html.fromstring(secretariat.get(f"{session.absolute_url()}/@@dossier").text)
    assert f"{document.absolute_url()}/@@partager" in dossier.xpath("//a[contains(@class, 'share-link')]/@href")
    page = secretariat.get(f"{document.absolute_url()}/@@partager")
    tree = html.fromstring(page.text)
    body = tree.xpath('//form[.//input[@name="body"]]//input[@name="body"]/@value')[0]
    return secretariat.post(
        f"{document.absolute_url()}/@@partager",
        data={"body": body, "shared": "1" if shared else "0", "_authenticator": authenticator(page.text)},
    )


def test_a_shared_document_reaches_the_members_before_the_convocation(site, browser):
    report = add(site.deliberation, "Rapport préparatoire")
    note = add(site.session, "Note de présentation")
    transaction.commit()
    assert api.content.get_state(site.session) == "planned"
    for document in (report, note):
        assert download(browser, "elu", document).status_code != 200  # not before it is shared
        response = share_by_page(browser, site.session, document)
        assert response.status_code == 200 and "Partagé" in response.text
    for document in (report, note):
        for member in ("elu", "elu2"):
            shared = download(browser, member, document)
            assert shared.status_code == 200 and shared.content.startswith(b"%PDF-1.4")
        assert download(browser, "agent-urba", document).status_code != 200  # outside the body
        assert download(browser, None, document).status_code != 200
    listed = html.fromstring(browser("elu").get("@@mes-seances").text).xpath('//*[@id="shared-documents"]//strong')
    assert sorted(e.text for e in listed) == ["Note de présentation", "Rapport préparatoire"]
    assert not html.fromstring(browser("agent-urba").get("@@mes-seances").text).xpath('//*[@id="shared-documents"]')
    share_by_page(browser, site.session, report, shared=False)
    assert download(browser, "elu", report).status_code != 200


def test_an_internal_document_is_never_shared(site, browser, rest):
    internal = add(site.deliberation, "Note interne", publishable=False)
    transaction.commit()
    refused = share_by_page(browser, site.session, internal)
    assert refused.status_code == 400 and "Un document interne n'est pas partagé" in refused.text
    assert download(browser, "elu", internal).status_code != 200
    body = site.council.UID()
    answer = rest("secretaire").post(f"{internal.absolute_url()}/@share", json={"body": body, "shared": True})
    assert answer.status_code == 400


def test_rest_share_for_the_secretariat_only(site, rest, browser):
    report = add(site.deliberation, "Rapport préparatoire")
    transaction.commit()
    body = site.council.UID()
    assert rest("elu").post(f"{report.absolute_url()}/@share", json={"body": body}).status_code in (401, 403)
    assert browser("elu").get(f"{report.absolute_url()}/@@partager", allow_redirects=False).status_code in (302, 401)
    data = rest("secretaire").post(f"{report.absolute_url()}/@share", json={"body": body, "shared": True}).json()
    assert data["bodies"] == [{"uid": body, "title": "Conseil communautaire", "shared": True}]
    assert download(browser, "elu", report).status_code == 200
    assert rest("secretaire").get(f"{report.absolute_url()}/@share").json()["bodies"][0]["shared"] is True
