"""The personal link: only that session's dossier and the presence answer; first opening recorded; revocable;
expired or revoked, it says so."""

from .conftest import authenticator
from .conftest import convene
from .conftest import personal_link
from collective.deliberations.convocation.storage import get_convocation
from datetime import datetime
from datetime import timedelta
from lxml import html
from plone import api
from plone.namedfile.file import NamedBlobFile

import transaction


def add_document(container, title, data, **flags):
    with api.env.adopt_user(username="secretaire"):
        return api.content.create(
            container, "File", title=title, file=NamedBlobFile(data, filename=f"{title}.pdf"), **flags
        )


def text(response):
    return " ".join(html.fromstring(response.text).text_content().split())


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
    transaction.begin()
    record = get_convocation(site.session).get("elu")
    assert record.first_opened_by == "link" and record.first_opened_at is not None
    first = record.first_opened_at
    anonymous.get(link)
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
