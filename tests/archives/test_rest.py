"""The archivist's REST API on a real HTTP server: schedule, dashboard, legal hold, SIP, transfer."""

from lxml import etree
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import io
import pytest
import requests
import zipfile


ACCOUNTS = {"admin": (SITE_OWNER_NAME, SITE_OWNER_PASSWORD), None: None}


def call(method, url, user="archiviste", **kwargs):
    auth = ACCOUNTS[user] if user in ACCOUNTS else (user, "secret-1234")
    headers = {"Accept": "application/json", "Accept-Language": "fr", **kwargs.pop("headers", {})}
    return requests.request(method, url, auth=auth, headers=headers, timeout=120, **kwargs)


@pytest.fixture
def site(functional_archives):
    return functional_archives


def test_sip_for_archivists_and_managers_only(site, seda_schemas, vault):
    url = f"{site.old.absolute_url()}/@sip"
    for user in ("archiviste", "admin"):
        response = call("GET", url, user)
        assert response.status_code == 200, response.text[:500]
        assert response.headers["Content-Type"] == "application/zip"
        with zipfile.ZipFile(io.BytesIO(response.content)) as sip:
            manifest = etree.fromstring(sip.read("manifest.xml"))
        assert manifest.tag == "{fr:gouv:culture:archivesdefrance:seda:v2.2}ArchiveTransfer"
    assert call("GET", url, None).status_code == 401
    for user in ("secretaire", "elu", "agent"):
        assert call("GET", url, user).status_code in (401, 403), user
    assert list(vault.iterdir()) == []  # a download is not a transfer


def test_schedule_read_and_patched_by_the_archivist(site):
    url = f"{site.portal.absolute_url()}/@retention-schedule"
    rules = {rule["category"]: rule for rule in call("GET", url).json()["rules"]}
    assert rules["deliberations"]["dua_years"] == 1 and rules["minutes"]["legal_basis"] == "À confirmer"
    response = call("PATCH", url, json={"rules": {"minutes": {"dua_years": 5, "final_action": "Z"}}})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "minutes: Le sort final est C, D ou T."
    response = call("PATCH", url, json={"rules": {"minutes": {"dua_years": 5, "legal_basis": "Délibération AD 2025"}}})
    assert response.status_code == 200, response.text
    rules = {rule["category"]: rule for rule in call("GET", url).json()["rules"]}
    assert (rules["minutes"]["dua_years"], rules["minutes"]["confirmed"]) == (5, True)
    assert call("PATCH", url, "secretaire", json={"rules": {"minutes": {"dua_years": 0}}}).status_code in (401, 403)
    log = call("GET", f"{site.portal.absolute_url()}/@retention-log").json()["items"]
    assert (log[0]["user"], log[0]["action"], log[0]["target"]) == ("archiviste", "schedule", "minutes")


def test_dashboard_groups_by_final_disposition(site):
    url = f"{site.portal.absolute_url()}/@retention-dashboard"
    groups = call("GET", url, params={"start": "2025-01-01", "end": "2025-12-31"}).json()["groups"]
    assert [(item["title"], item["dua_end"]) for item in groups["C"]] == [
        ("Budget primitif 2024", "2025-03-12"),
        ("Subvention au club de rugby", "2025-03-12"),
    ]
    assert groups["D"] == groups["T"] == []
    groups = call("GET", url, params={"start": "2026-01-01", "end": "2026-12-31"}).json()["groups"]
    assert [(item["title"], item["dua_end"]) for item in groups["T"]] == [("Conseil communautaire", "2026-03-12")]
    response = call("GET", url, params={"start": "12/03/2025"})
    assert (response.status_code, response.json()["error"]["message"]) == (400, "Les dates s'écrivent AAAA-MM-JJ.")


def test_legal_hold_blocks_the_transfer(site, seda_schemas, vault):
    session_url = site.old.absolute_url()
    assert call("POST", f"{site.budget.absolute_url()}/@legal-hold", json={}).status_code == 400
    response = call("POST", f"{site.budget.absolute_url()}/@legal-hold", json={"reason": "Recours au tribunal"})
    assert response.json()["own"]["reason"] == "Recours au tribunal"
    dashboard = call("GET", f"{site.portal.absolute_url()}/@retention-dashboard", params={"end": "2025-12-31"})
    held = {item["title"]: item["legal_hold"] for item in dashboard.json()["groups"]["C"]}
    assert held["Budget primitif 2024"]["reason"] == "Recours au tribunal"
    assert held["Subvention au club de rugby"] is None
    response = call("POST", f"{session_url}/@transfer")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == (
        "Budget primitif 2024 est sous gel juridique : il ne peut être ni versé ni éliminé."
    )
    assert call("GET", f"{session_url}/@sip").status_code == 400
    assert list(vault.iterdir()) == []
    assert call("DELETE", f"{site.budget.absolute_url()}/@legal-hold").status_code == 204
    response = call("POST", f"{session_url}/@transfer")
    assert response.status_code == 200, response.text
    transfer = response.json()
    assert sorted(path.name for path in vault.iterdir()) == [transfer["file"], transfer["file"] + ".sha512"]
    # versé: read-only for everyone, the Manager too, and never transferred twice
    response = call("PATCH", site.budget.absolute_url(), "admin", json={"title": "Changed"})
    assert response.status_code == 401, response.text
    assert call("GET", site.budget.absolute_url(), "admin").json()["title"] == "Budget primitif 2024"
    again = call("POST", f"{session_url}/@transfer")
    assert again.json()["error"]["message"] == "Conseil communautaire a déjà été versé."


def test_several_sessions_in_one_transfer(site, seda_schemas, vault):
    import transaction

    june = site.closed_session("seance-2024-06", site.old.start.replace(month=6))
    transaction.commit()
    uids = [call("GET", s.absolute_url(), "admin").json()["UID"] for s in (site.old, june)]
    url = f"{site.portal.absolute_url()}/@transfer"
    empty = call("POST", url, json={"sessions": []})
    assert (empty.status_code, empty.json()["error"]["message"]) == (
        400,
        "Choisissez les séances clôturées ou les actes à verser.",
    )
    response = call("POST", url, json={"sessions": uids})
    assert response.status_code == 200, response.text
    with zipfile.ZipFile(vault / response.json()["file"]) as sip:
        manifest = etree.fromstring(sip.read("manifest.xml"))
    ns = "{fr:gouv:culture:archivesdefrance:seda:v2.2}"
    top = manifest.findall(f"{ns}DataObjectPackage/{ns}DescriptiveMetadata/{ns}ArchiveUnit")
    assert [unit.findtext(f"{ns}Content/{ns}Title") for unit in top] == [
        "Conseil communautaire (12/03/2024)",
        "Conseil communautaire (12/06/2024)",
    ]
    listed = call("GET", f"{site.portal.absolute_url()}/@transfers").json()["items"]
    assert [item["identifier"] for item in listed] == [response.json()["identifier"]]
