"""The audit log is read by Managers only, on @@audit-log, @@audit-log.csv and GET @audit-log, with the same
filters; nobody edits or deletes an entry through a page or a service."""

from .conftest import audit
from .conftest import call
from .conftest import csv_rows
from .conftest import page
from .conftest import refused
from content.conftest import World

import datetime
import pytest
import transaction


@pytest.fixture
def world(functional_portal):
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    transaction.commit()
    for deliberation in (world.draft("Budget primitif"), world.draft("Tarifs de la piscine")):
        transaction.commit()
        assert call("POST", f"{deliberation.absolute_url()}/@workflow/propose", "agent").status_code == 200
    return world


def test_managers_read_it_with_filters(world):
    today = datetime.date.today().isoformat()
    entries = audit(world.portal, user="agent", action="transition", since=today, until=today)
    assert [e["title"] for e in entries] == ["Tarifs de la piscine", "Budget primitif"]  # newest first
    assert [e["title"] for e in audit(world.portal, path="piscine")] == ["Tarifs de la piscine"]
    assert audit(world.portal, user="agent", until="2020-01-01") == []

    response = call("GET", f"{world.portal.absolute_url()}/@audit-log", params={"user": "agent", "b_size": 1})
    assert response.json()["items_total"] == 2 and len(response.json()["items"]) == 1
    assert "next" in response.json()["batching"]
    response = call("GET", f"{world.portal.absolute_url()}/@audit-log", params={"since": "12/03/2024"})
    assert response.status_code == 400
    assert response.json()["error"] == {
        "type": "BadRequest",
        "message": "Les dates s'écrivent AAAA-MM-JJ.",
        "field": "since",
    }

    html = page(world.portal, "audit-log", user="agent", action="transition")
    assert html.status_code == 200
    assert "Journal d'audit" in html.text and "Tarifs de la piscine" in html.text and "Agent Finances" in html.text
    assert "Transition du circuit" in html.text
    for name in ("audit-log", "audit-log.csv"):
        bad = page(world.portal, name, since="hier")
        assert bad.status_code == 400 and "Les dates s'écrivent AAAA-MM-JJ." in bad.text

    rows = csv_rows(page(world.portal, "audit-log.csv", user="agent", action="transition"))
    assert [(r["user"], r["action"], r["title"]) for r in rows] == [
        ("agent", "transition", "Tarifs de la piscine"),
        ("agent", "transition", "Budget primitif"),
    ]
    assert rows[0]["label"] == "Transition du circuit" and "to: proposed" in rows[0]["details"]


@pytest.mark.parametrize("user", ["secretaire", "elu", "archiviste", None])
def test_nobody_else_reads_it(world, user):
    assert refused(call("GET", f"{world.portal.absolute_url()}/@audit-log", user))
    for name in ("audit-log", "audit-log.csv"):
        response = page(world.portal, name, who=user)
        assert refused(response), (name, response.status_code)
        assert "Tarifs de la piscine" not in response.text


def test_no_entry_is_edited_or_deleted(world):
    before = audit(world.portal)
    url = f"{world.portal.absolute_url()}/@audit-log"
    for method in ("POST", "PATCH", "PUT", "DELETE"):
        assert call(method, url, json={"items": []}).status_code in (404, 405), method
        assert call(method, f"{url}/{before[0]['key']}", json={}).status_code in (404, 405), method
    # the page's only change is the retention, and it needs the page's token
    forged = call(
        "POST",
        f"{world.portal.absolute_url()}/@@audit-log",
        data={"years": "1", "purge": "1"},
        headers={"Accept": "text/html"},
    )
    assert forged.status_code == 403
    assert audit(world.portal) == before


def test_linked_from_the_site_setup_for_managers(world):
    overview = page(world.portal, "overview-controlpanel")
    assert overview.status_code == 200 and "@@audit-log" in overview.text and "Journal d'audit" in overview.text


def test_a_setting_changed_by_a_manager(world):
    response = call("PATCH", f"{world.portal.absolute_url()}/@controlpanels/collectivite", json={"population": 4000})
    assert response.status_code == 204, response.text
    [entry] = [e for e in audit(world.portal, action="setting") if e["path"].endswith(".population")]
    assert (entry["user"], entry["details"]["new"], entry["label"]) == ("admin", 4000, "Réglage modifié")


def test_a_page_that_is_no_number_is_a_400_in_french(world):
    url = f"{world.portal.absolute_url()}/@audit-log"
    for field in ("b_start", "b_size"):
        response = call("GET", url, params={field: "abc"})
        assert response.status_code == 400
        assert response.json()["error"]["message"] == f"{field} est un nombre entier."


def test_the_page_keeps_the_retention_with_its_token(world):
    import re

    html = page(world.portal, "audit-log").text
    token = re.search(r'name="_authenticator" value="([^"]+)"', html).group(1)
    url = f"{world.portal.absolute_url()}/@@audit-log"
    saved = call("POST", url, data={"years": "8", "_authenticator": token}, headers={"Accept": "text/html"})
    assert saved.status_code == 200 and "Durée de conservation enregistrée." in saved.text
    refused = call("POST", url, data={"years": "0", "_authenticator": token}, headers={"Accept": "text/html"})
    assert refused.status_code == 400 and "Le journal d'audit est conservé de 1 à 30 ans." in refused.text
    purged = call("POST", url, data={"purge": "1", "_authenticator": token}, headers={"Accept": "text/html"})
    assert "0 entrée(s) supprimée(s)." in purged.text
    [setting] = [e for e in audit(world.portal, action="setting") if e["path"].endswith("retention_years")]
    assert (setting["details"]["old"], setting["details"]["new"]) == (6, 8)
    assert audit(world.portal, action="audit_purge")[0]["user"] == "admin"


def test_group_membership_changed_by_a_manager(world):
    url = f"{world.portal.absolute_url()}/@groups/secretariat"
    assert call("PATCH", url, json={"users": {"elu2": True}}).status_code == 204
    assert call("PATCH", url, json={"users": {"elu2": False}}).status_code == 204
    removed, added = [e for e in audit(world.portal, path="secretariat") if e["details"].get("principal") == "elu2"]
    assert (added["action"], added["user"], added["label"]) == ("group_added", "admin", "Ajout à un groupe")
    assert (removed["action"], removed["details"]["group"]) == ("group_removed", "secretariat")
