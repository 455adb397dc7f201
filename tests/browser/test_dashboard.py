"""@@deliberations-dashboard: one section per thing the person may do, each with its own items only."""

from .conftest import page
from .conftest import section
from .conftest import text
from plone import api

import pytest
import transaction


@pytest.fixture
def busy(site):
    """Finances: a draft, a proposed and a validated deliberation; Urbanisme: a draft and a proposed one."""
    site.draft("Budget primitif")
    proposed = site.draft("Tarifs de l'eau")
    with api.env.adopt_user(username="agent"):
        api.content.transition(proposed, "propose")
    site.validated("Subvention au club")
    site.draft("Plan local d'urbanisme", service=site.urbanisme)
    permit = site.draft("Permis de construire", service=site.urbanisme)
    with api.env.adopt_user(username="agent-urba"):
        api.content.transition(permit, "propose")
    transaction.commit()
    return site


def sections_of(browser, user_id):
    tree = page(browser(user_id).get("@@deliberations-dashboard"))
    found = tree.xpath('//div[contains(@class, "deliberations-dashboard")]/section')
    return {s.get("id"): text(s) for s in found}, tree


def test_agent_sees_own_drafts_only(busy, browser):
    sections, _tree = sections_of(browser, "agent")
    assert set(sections) == {"my-drafts"}
    for title in ("Budget primitif", "Tarifs de l'eau", "Subvention au club"):
        assert title in sections["my-drafts"]
    assert "urbanisme" not in sections["my-drafts"].lower() and "Permis" not in sections["my-drafts"]

    sections, _tree = sections_of(browser, "agent-urba")
    assert set(sections) == {"my-drafts"}
    assert "Permis de construire" in sections["my-drafts"] and "Budget" not in sections["my-drafts"]


def test_validator_sees_what_to_validate_in_their_services(busy, browser):
    sections, tree = sections_of(browser, "valideur")
    assert set(sections) == {"to-validate"}
    assert "Tarifs de l'eau" in sections["to-validate"]
    for title in ("Permis", "Budget primitif", "Subvention"):
        assert title not in sections["to-validate"]
    assert tree.xpath('//section[@id="to-validate"]//th[@scope="col"]')


def test_secretariat_sees_what_awaits_a_session_and_the_sessions_to_come(busy, browser):
    later = api.content.create(
        busy.council, "Session", id="plus-tard", title="Séance d'après", start=busy.session.start.replace(year=2100)
    )
    transaction.commit()
    sections, tree = sections_of(browser, "secretaire")
    assert set(sections) == {"awaiting-session", "upcoming-sessions"}
    awaiting = sections["awaiting-session"]
    assert "Subvention au club" in awaiting
    for title in ("Tarifs", "Permis", "Budget primitif"):
        assert title not in awaiting
    links = section(tree, "upcoming-sessions").xpath(".//tbody//a/@href")
    assert links == [busy.session.absolute_url(), later.absolute_url()]  # soonest first
    assert "Conseil communautaire" in sections["upcoming-sessions"]


def test_member_sees_the_convened_sessions_of_their_bodies(busy, browser):
    assert sections_of(browser, "elu")[0] == {}
    busy.information()
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(busy.session, "convene")
    transaction.commit()
    sections, _tree = sections_of(browser, "elu")
    assert set(sections) == {"upcoming-sessions"} and "Séance" in sections["upcoming-sessions"]


def test_dashboard_needs_a_login_and_its_tab_is_for_logged_in_users(busy, browser):
    response = browser().get("@@deliberations-dashboard")
    assert "login" in response.url or response.status_code in (401, 403)
    assert "Subvention" not in response.text
    home = page(browser("agent").get(""))
    assert home.xpath('//*[@id="portal-globalnav"]//a[contains(@href, "@@deliberations-dashboard")]')
    home = page(browser().get(""))
    assert not home.xpath('//a[contains(@href, "@@deliberations-dashboard")]')


def test_dashboard_reads_brains_only(portal, http_request, monkeypatch):
    """No deliberation nor session is woken up: the page stays fast with thousands of them."""
    from content.conftest import World
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain

    setRoles(portal, TEST_USER_ID, ["Manager"])
    world = World(portal)
    world.validated("Subvention")
    world.draft("Budget")
    woken = []
    original = AbstractCatalogBrain.getObject

    def get_object(brain, *args, **kwargs):
        woken.append(brain.portal_type)
        return original(brain, *args, **kwargs)

    monkeypatch.setattr(AbstractCatalogBrain, "getObject", get_object)
    view = api.content.get_view("deliberations-dashboard", portal, http_request)
    sections = view.sections()
    assert {s["id"] for s in sections} == {"my-drafts", "to-validate", "awaiting-session", "upcoming-sessions"}
    assert set(woken) <= {"Service"}
