"""The public portal as an anonymous visitor meets it: published acts only, their date of putting online, a
permanent URL, publishable documents only, an Atom feed, and the agendas of the coming public sessions."""

from .conftest import add_file
from collective.deliberations.acts.online import online_date
from content.conftest import World
from datetime import datetime
from datetime import timedelta
from lxml import etree
from lxml import html
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


@pytest.fixture
def published(functional_portal, samples):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    world.session.president = "elu"
    act = world.validated("Budget annexe de l'eau")
    adopted = world.validated("Tarifs de la piscine")
    individual = world.validated("Nomination du directeur", nature="3")
    for deliberation in (act, adopted, individual):
        world.schedule(deliberation)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(world.session, "convene")
        for deliberation in (act, adopted, individual):
            api.content.transition(deliberation, "adopt")
    add_file(act, samples["text.pdf"].read_bytes(), "annexe-publique.pdf")
    add_file(act, samples["text.pdf"].read_bytes(), "annexe-confidentielle.pdf", confidential=True)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(act, "publish")
    planned = api.content.create(
        world.council, "Session", id="planned", title="Séance prévue", start=datetime.now() + timedelta(days=40)
    )
    transaction.commit()
    return world, act, adopted, individual, planned


def get(request_factory, path, user=None, status=200):
    session = (
        request_factory(api=False) if user is None else request_factory(basic_auth=(user, "secret-1234"), api=False)
    )
    response = session.get(f"{api.portal.get().absolute_url()}/{path}")
    assert response.status_code == status, response.text[-2000:]
    return response


def test_listing_shows_published_acts_with_their_date_put_online(published, request_factory):
    world, act, adopted, individual, planned = published
    tree = html.fromstring(get(request_factory, "@@actes").text)
    rows = tree.xpath('//tr[contains(@class,"public-act")]')
    assert [" ".join(row.xpath("td")[1].text_content().split()) for row in rows] == ["Budget annexe de l'eau"]
    assert rows[0].xpath("td")[4].text_content().strip() == datetime.now().strftime("%d/%m/%Y")
    assert "Date de mise en ligne" in tree.xpath("//thead")[0].text_content()
    link = rows[0].xpath(".//a")[0].get("href")
    assert link.endswith(f"/@@actes/{act.number}")
    search = html.fromstring(get(request_factory, "@@actes?q=piscine").text)
    assert not search.xpath('//tr[contains(@class,"public-act")]')  # adopted, not published


def test_permanent_page_of_an_act(published, request_factory):
    world, act, adopted, individual, planned = published
    recorded = online_date(act)
    assert recorded is not None
    for user in (None, "elu"):  # an official who may read the confidential annex does not see it here either
        tree = html.fromstring(get(request_factory, f"@@actes/{act.number}", user=user).text)
        assert tree.xpath('//*[@id="act-number"]')[0].text_content() == act.number
        assert tree.xpath('//*[@id="act-permanent-url"]')[0].get("href").endswith(f"/@@actes/{act.number}")
        assert tree.xpath('//*[@id="act-online-date"]')[0].text_content().strip()
        author = " ".join(tree.xpath('//*[@id="act-author"]')[0].text_content().split())
        assert author == "Élu du conseil et de la commission, Président(e) de séance — Conseil communautaire"
        documents = [a.text_content() for a in tree.xpath('//li[contains(@class,"public-document")]/a')]
        assert documents == ["annexe-publique.pdf"]
    get(request_factory, f"@@actes/{adopted.number}", status=404)
    get(request_factory, f"@@actes/{individual.number}", status=404)
    with api.env.adopt_user(username="secretaire"):
        act.reindexObject()
    assert online_date(act) == recorded  # recorded once


def test_atom_feed(published, request_factory):
    world, act, adopted, individual, planned = published
    response = get(request_factory, "@@actes/atom.xml")
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.xpath("//a:entry", namespaces=ns)
    assert len(entries) == 1
    assert entries[0].xpath("a:id", namespaces=ns)[0].text.endswith(f"/@@actes/{act.number}")
    assert act.Title() in entries[0].xpath("a:title", namespaces=ns)[0].text


def test_coming_public_sessions(published, request_factory):
    world, act, adopted, individual, planned = published
    closed = api.content.create(
        world.council,
        "Session",
        id="huis-clos",
        title="Séance à huis clos",
        public=False,
        start=datetime.now() + timedelta(days=12),
    )
    world.schedule(world.validated("Acquisition d'un terrain"), session=closed)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(closed, "convene")
    transaction.commit()
    tree = html.fromstring(get(request_factory, "@@seances-publiques").text)
    sessions = tree.xpath('//section[contains(@class,"public-session")]')
    assert [" ".join(s.xpath(".//h2")[0].text_content().split()) for s in sessions] == ["Séance"]
    agenda = [li.text_content() for li in sessions[0].xpath('.//ol[@class="session-agenda"]/li')]
    assert "Budget annexe de l'eau" in agenda


def test_publication_through_rest(published, request_factory):
    world, act, adopted, individual, planned = published
    relative = act.absolute_url().split("/plone/", 1)[1]
    answer = request_factory().get(f"/{relative}/@publication").json()
    assert answer["published"] is True
    assert answer["permanent_url"].endswith(f"/@@actes/{act.number}")
    assert answer["online_date"][:10] == datetime.now().strftime("%Y-%m-%d")
    session = request_factory(basic_auth=("secretaire", "secret-1234"))
    relative = adopted.absolute_url().split("/plone/", 1)[1]
    assert session.get(f"/{relative}/@publication").json() | {"@id": None} == {
        "@id": None,
        "published": False,
        "online_date": None,
        "permanent_url": None,
        "pdf": None,
        "pdf_sha256": None,
    }


def test_acts_of_one_seance(published, request_factory):
    world, act, adopted, individual, planned = published

    def titles(uid):
        tree = html.fromstring(get(request_factory, f"@@actes?seance={uid}").text)
        return [
            " ".join(r.xpath("td")[1].text_content().split()) for r in tree.xpath('//tr[contains(@class,"public-act")]')
        ]

    assert titles(world.session.UID()) == ["Budget annexe de l'eau"]
    assert titles(planned.UID()) == []


def test_the_portal_is_reached_from_every_page(published):
    """The global navigation leads a citizen to the published acts and to the sessions with their minutes."""
    import requests

    portal_url = api.portal.get().absolute_url()
    headers = {"Accept": "text/html", "Accept-Language": "fr"}
    front = requests.get(portal_url, headers=headers, timeout=60)
    assert front.status_code == 200
    links = html.fromstring(front.text).xpath('//*[@id="portal-globalnav"]//a')
    tabs = {" ".join(a.text_content().split()): a.get("href") for a in links}
    assert tabs.get("Actes publiés") == f"{portal_url}/@@actes", tabs
    assert tabs.get("Séances et procès-verbaux") == f"{portal_url}/@@seances-publiques", tabs
    assert "Mes délibérations" not in tabs  # the dashboards' tabs are for those logged in
    for href in (tabs["Actes publiés"], tabs["Séances et procès-verbaux"]):
        assert requests.get(href, headers=headers, timeout=60).status_code == 200
