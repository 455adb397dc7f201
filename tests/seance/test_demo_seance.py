"""The demo's séances, held through the séance API: the closed council shows its presence, proxies and votes of
every kind, its PV (approved at the council of today, signed, published), its list and numbered acts; the council
in progress lets the demo's secretariat record the next vote from @@seance."""

from collective.deliberations_demo.accounts import DEMO_PASSWORD
from collective.deliberations_demo.tools import find_by_key
from lxml import html

import pytest
import requests


@pytest.fixture
def demo(demo_functional):
    return demo_functional["portal"]


def client(user=None, json=False):
    session = requests.Session()
    if user:
        session.auth = (user, DEMO_PASSWORD)
    session.headers["Accept"] = "application/json" if json else "text/html"
    session.headers["Accept-Language"] = "fr"
    return session


def words(element):
    return " ".join(element.text_content().split())


def test_the_closed_council_shows_every_kind_of_vote(demo):
    closed = find_by_key(demo["conseil-communautaire"], "conseil-clos")
    state = client("elu", json=True).get(f"{closed.absolute_url()}/@seance", timeout=120).json()
    statuses = {m["status"] for m in state["members"]}
    assert {"present", "excused", "absent", "represented"} <= statuses
    assert [m for m in state["members"] if m["status"] == "represented" and m["proxy"]]
    votes = [item["vote"] for item in state["items"] if item["vote"]]
    modes = {v["mode"] for v in votes}
    assert modes == {"public", "secret", "unanimity"}
    assert any(v["casting_vote"] and v["adopted"] for v in votes)  # the tie, settled by the president
    assert any(v["mode"] == "secret" and not v["adopted"] for v in votes)
    public = next(v for v in votes if v["mode"] == "public" and not v["casting_vote"])
    assert set(public["ballots"].values()) >= {"pour", "contre", "abstention"}  # names for a public ballot
    assert any(s == "conflict" for item in state["items"] for s in item["status"].values())
    assert any(m["kind"] == "arrival" for m in state["movements"])
    numbers = [v["number"] for v in votes if v["adopted"]]
    assert len(numbers) == 6 and len(set(numbers)) == 6 and all(numbers)
    # its PV and list are published: a citizen reads them
    anonymous = client()
    for document in ("proces-verbal", "liste-des-deliberations"):
        response = anonymous.get(f"{closed.absolute_url()}/{document}/@@download/file", timeout=120)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), document
    publication = client("secretariat", json=True).get(f"{closed.absolute_url()}/@publication", timeout=120).json()
    assert publication["minutes"]["approved"]["seance_title"].startswith("Conseil communautaire du ")
    assert publication["minutes"]["signed"]["mode"] == "signatures" and publication["liste"]["published"]
    # and finds them on the public portal's past séances, with their date of putting online
    portal = html.fromstring(anonymous.get(f"{demo.absolute_url()}/@@seances-publiques", timeout=120).text)
    past = [
        article
        for article in portal.xpath('//section[@id="seances-passees"]//article')
        if article.xpath(f'.//a[starts-with(@href, "{closed.absolute_url()}/")]')
    ]
    assert len(past) == 1 and words(past[0]).count("Date de mise en ligne") >= 2, words(portal)
    links = past[0].xpath(".//a/@href")
    for document in ("proces-verbal", "liste-des-deliberations"):
        assert f"{closed.absolute_url()}/{document}/@@download/file" in links


def test_the_council_in_progress_lets_the_secretariat_vote(demo):
    session = find_by_key(demo["conseil-communautaire"], "conseil-en-cours")
    url = f"{session.absolute_url()}/@@seance"
    secretariat = client("secretariat")
    page = html.fromstring(secretariat.get(url, timeout=120).text)
    voted = [words(s) for s in page.xpath('//section[starts-with(@id, "item-")]')]
    assert sum("Adoptée" in text for text in voted) == 2 and len(voted) == 4
    assert "Quorum atteint" in voted[2]
    token = page.xpath('//input[@name="_authenticator"]/@value')[0]
    response = secretariat.post(
        url,
        data={"action": "vote", "mode": "unanimity", "item": "admission-creances-eteintes", "_authenticator": token},
        timeout=120,
    )
    page = html.fromstring(response.text)
    assert "Adoptée : acte n° DEL" in words(page.xpath('//section[@id="item-admission-creances-eteintes"]')[0])
    assert client("elu").get(url, timeout=120).url.endswith("insufficient-privileges")


def test_the_closed_council_names_the_voters_of_its_huis_clos_item_to_the_secretariat_only(demo):
    from collective.deliberations.content.membership import memberships
    from collective.deliberations_demo.seance import CLOSED_KEY

    council = demo["conseil-communautaire"]
    closed = find_by_key(council, CLOSED_KEY)
    url = f"{closed.absolute_url()}/remise-gracieuse/@vote"
    recorded = client("secretariat", json=True).get(url, timeout=120).json()["vote"]
    assert recorded["mode"] == "public" and recorded["ballots"]  # a public ballot on an item examined in huis clos
    for user in (None, "elu"):
        seen = client(user, json=True).get(url, timeout=120).json()["vote"]
        assert seen["ballots"] == {} and seen["counts"] == recorded["counts"] and seen["adopted"], user
    member = next(iter(recorded["ballots"]))
    attendance = f"{next(m for m in memberships(council) if m.member == member).absolute_url()}/@attendance"

    def voted_items(user):
        record = client(user, json=True).get(attendance, timeout=120).json()
        return [vote["item"] for row in record["sessions"] for vote in row["public_votes"]]

    assert "remise-gracieuse" in voted_items("secretariat")
    for user in (None, "elu"):
        assert "remise-gracieuse" not in voted_items(user) and "convention-epf" in voted_items(user), user
