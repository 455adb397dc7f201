"""The public pages pass axe-core's WCAG 2.1 A and AA rules in headless Chromium with no serious or critical
violation (RGAA is the law for French public websites; axe checks what a machine can)."""

from .chromium import axe
from .chromium import chromium
from .test_portal import published  # noqa: F401  (fixture)
from plone import api

import pytest


@pytest.fixture
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def test_public_pages_have_no_serious_violation(published, browser):  # noqa: F811
    world, act, adopted, individual, planned = published
    portal_url = api.portal.get().absolute_url()
    pages = [
        "@@actes",
        f"@@actes/{act.number}",
        "@@actes?q=budget&nature=1",
        "@@seances-publiques",
        "@@recherche?q=budget",
    ]
    found = {}
    for page in pages:
        browser.get(f"{portal_url}/{page}")
        assert "Plone" not in browser.title or "Erreur" not in browser.page_source
        serious = [v for v in axe(browser) if v["impact"] in ("serious", "critical")]
        if serious:
            found[page] = serious
    import json

    assert found == {}, json.dumps(found, indent=1)
