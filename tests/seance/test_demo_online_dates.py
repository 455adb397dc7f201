"""The demo's old séances record when their liste des délibérations was put online (within the week, L2121-25): the
public portal and its Atom feed show those dates, never 31/12/1969 (a missing date read as Plone's floor date)."""

from .test_demo_seance import client
from .test_demo_seance import demo  # noqa: F401  (fixture)
from .test_demo_seance import words
from collective.deliberations_demo.archives import OLD_SESSIONS
from collective.deliberations_demo.tools import find_by_key
from datetime import timedelta
from lxml import etree
from lxml import html


ATOM = {"a": "http://www.w3.org/2005/Atom"}


def test_the_old_seances_show_when_their_liste_was_put_online(demo):  # noqa: F811
    anonymous = client()
    portal = html.fromstring(anonymous.get(f"{demo.absolute_url()}/@@seances-publiques", timeout=120).text)
    assert "1969" not in words(portal)
    shown = 0
    for spec in OLD_SESSIONS:
        session = find_by_key(demo[spec["body"]], spec["key"])
        listes = portal.xpath(f'//li[@class="past-liste"][a[starts-with(@href, "{session.absolute_url()}/")]]')
        if not listes:
            continue  # a body whose séances the portal does not list
        shown += 1
        put_online = (session.start + timedelta(days=3)).strftime("%d/%m/%Y")
        assert f"Date de mise en ligne : {put_online}" in words(listes[0]), words(listes[0])
    assert shown >= 2
    feed = etree.fromstring(anonymous.get(f"{demo.absolute_url()}/@@actes/atom.xml", timeout=120).content)
    dates = feed.xpath("//a:updated/text() | //a:published/text()", namespaces=ATOM)
    assert dates and not [date for date in dates if date.startswith("1969")], dates
    summaries = feed.xpath("//a:summary/text()", namespaces=ATOM)
    assert not [summary for summary in summaries if "1969" in summary]
