"""Personal data of the officials and the list of accounts: a visitor reads who sits in the council, never whether a
member asked for paper; a logged-in official cannot list every account and group through @vocabularies, while the
secretariat's forms that choose a person still work."""

from content.conftest import World
from lxml import html
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import requests
import transaction


def get(url, user=None, accept="application/json"):
    auth = (user, "secret-1234") if user else None
    headers = {"Accept": accept, "Accept-Language": "fr"}
    return requests.get(url, auth=auth, headers=headers, timeout=120)


@pytest.fixture
def world(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    world.council["elu2"].paper_convocation = True
    transaction.commit()
    return world


def test_anonymous_gets_no_paper_convocation_flag(world):
    url = world.council["elu2"].absolute_url()
    anonymous = get(url).json()
    assert anonymous["member"]["token"] == "elu2"  # the tableau du conseil is public (L2121-1)
    assert "paper_convocation" not in anonymous
    assert "paper_convocation" not in get(url, "elu").json()  # another official neither
    assert get(url, "secretaire").json()["paper_convocation"] is True  # who sends the convocations
    page = html.fromstring(get(url, accept="text/html").text)
    assert not page.xpath('//*[contains(@id, "paper_convocation")]')
    assert "Convocation papier" not in page.text_content()
    secretariat = html.fromstring(get(url, "secretaire", accept="text/html").text)
    assert "Convocation papier" in secretariat.text_content()


def test_the_search_gives_anonymous_no_paper_convocation_flag(world):
    url = f"{world.portal.absolute_url()}/@search?portal_type=Membership&fullobjects=1&metadata_fields=_all"
    found = get(url).json()["items"]
    assert {item["@id"].rsplit("/", 1)[-1] for item in found} >= {"elu", "elu2"}
    assert not [item for item in found if "paper_convocation" in item]
    assert any(item.get("paper_convocation") for item in get(url, "secretaire").json()["items"])


@pytest.mark.parametrize("name", ["Users", "Groups", "Principals"])
def test_an_official_cannot_list_the_accounts(world, name):
    url = f"{world.portal.absolute_url()}/@vocabularies/plone.app.vocabularies.{name}"
    assert get(url, "elu").status_code == 403
    assert get(url, "agent").status_code == 403
    assert get(url).status_code == 401
    listed = get(url, "secretaire")
    assert listed.status_code == 200 and listed.json()["items_total"] > 0


def test_the_secretariat_still_chooses_a_president_and_agents_a_rapporteur(world):
    form = html.fromstring(get(f"{world.session.absolute_url()}/edit", "secretaire", accept="text/html").text)
    options = form.xpath('//select[@name="form.widgets.president:list"]/option/@value')
    assert "elu" in options and "elu2" in options
    deliberation = world.draft("Budget primitif")
    transaction.commit()
    form = html.fromstring(get(f"{deliberation.absolute_url()}/edit", "agent", accept="text/html").text)
    assert "elu" in form.xpath('//select[@name="form.widgets.rapporteur:list"]/option/@value')
