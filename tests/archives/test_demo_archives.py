"""The demo site, as its archivist finds it: old séances whose DUA has ended, their acts to transfer (C), the
séances themselves to eliminate (D, the demo's rule for convocations and dossiers de séance), one under legal hold."""

from collective.deliberations_demo.accounts import DEMO_PASSWORD
from collective.deliberations_demo.archives import HOLD_REASON
from lxml import html

import pytest
import requests


@pytest.fixture
def demo(demo_functional):
    return demo_functional["portal"]


def client(user):
    session = requests.Session()
    if user:
        session.auth = (user, DEMO_PASSWORD)
    session.headers["Accept-Language"] = "fr"
    return session


def rows(doc, action):
    """{title: (can be ticked, hold reason or None)} of one group of the dashboard."""
    found = {}
    for row in doc.xpath(f"//section[@id='final-{action}']//tbody/tr"):
        title = row.xpath("td[2]/a/text()")[0]
        hold = row.xpath("td[2]/span[contains(@class,'text-bg-danger')]/@title")
        found[title] = (bool(row.xpath("td[1]/input[@name='records:list']")), hold[0] if hold else None)
    return found


def test_the_demo_archivist_sees_what_to_transfer_eliminate_and_the_hold(demo):
    url = f"{demo.absolute_url()}/@@archives-dashboard"
    response = client("archiviste").get(url, timeout=120)
    assert response.status_code == 200
    doc = html.fromstring(response.text)
    to_keep = rows(doc, "C")
    for title in (
        "Approbation du compte administratif du budget principal",
        "Bilan de la concertation préalable à la création de la ZAC des Prés",
        "Convention d'instruction des autorisations d'urbanisme avec les communes membres",
    ):
        assert to_keep[title] == (True, None), title
    for title in (
        "Tarifs d'accès des professionnels aux déchetteries intercommunales",
        "Fonds de concours à la commune de Saint-Exemple pour la rénovation de la salle des fêtes",
    ):
        assert to_keep[title] == (False, HOLD_REASON), title  # the séance's hold keeps its acts
    to_destroy = rows(doc, "D")
    assert len(to_destroy) == 3, to_destroy
    held = {title: value for title, value in to_destroy.items() if value[1]}
    assert list(held.values()) == [(False, HOLD_REASON)]
    assert sum(1 for ticked, _hold in to_destroy.values() if ticked) == 2
    assert any(title.startswith("Bureau communautaire du ") for title in to_destroy)
    # the same through REST, and nobody else sees it
    groups = client("archiviste").get(
        f"{demo.absolute_url()}/@retention-dashboard", headers={"Accept": "application/json"}, timeout=120
    )
    assert len(groups.json()["groups"]["D"]) == 3
    for user in ("secretariat", "elu", None):
        refused = client(user).get(url, allow_redirects=False, timeout=60)
        assert refused.status_code in (302, 401, 403) and "Fin de DUA" not in refused.text
