"""A liste put online with no recorded date (Plone reads a missing effective date as 1969-12-31): the portal's past
séances and the Atom feed show it without a date, never as "31/12/1969"."""

from .test_page import page
from .test_page import words
from .test_portal_past_sessions import past_session
from .test_publication import documented  # noqa: F401  (fixture)
from collective.deliberations.seance.publication import publish_liste
from lxml import etree
from plone import api

import transaction


ATOM = {"a": "http://www.w3.org/2005/Atom"}


def test_a_document_without_a_date_of_putting_online_shows_none(documented, html_browser):  # noqa: F811
    session = documented.session
    with api.env.adopt_user(username="secretaire"):
        publish_liste(session)
    liste = session["liste-des-deliberations"]
    liste.effective_date = None  # as a document made without the product's publication
    liste.reindexObject()
    transaction.commit()
    anonymous = html_browser()
    heading = f"{session.aq_parent.Title()} — {api.portal.get_localized_time(session.start, long_format=True)}"
    article = past_session(page(anonymous.get("@@seances-publiques")), heading)
    assert f"{liste.absolute_url()}/@@download/file" in article.xpath(".//a/@href")
    assert "1969" not in words(article) and "Date de mise en ligne" not in words(article), words(article)
    feed = etree.fromstring(anonymous.get("@@actes/atom.xml").content)
    entry = feed.xpath(f'//a:entry[a:id="{liste.absolute_url()}/@@download/file"]', namespaces=ATOM)[0]
    assert not entry.xpath("a:published", namespaces=ATOM)
    assert "1969" not in entry.xpath("string(a:updated)", namespaces=ATOM)
    assert "Mis en ligne" not in entry.xpath("string(a:summary)", namespaces=ATOM)
    assert "1969" not in feed.xpath("string(/a:feed/a:updated)", namespaces=ATOM)
