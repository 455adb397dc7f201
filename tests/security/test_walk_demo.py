"""Every demo account, and anonymous, walks every object of the demo site through its pages, the REST API, the
search and the direct file URLs: nothing the domain's rules forbid is ever returned.

The rules checked here are written from the domain (DOMAIN.md, docs/security.md), independently of the workflows:
a leak is an object a rule forbids and that answers with content.
"""

from collective.deliberations_demo.accounts import DEMO_PASSWORD
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import requests


ACCOUNTS = [None, "redacteur", "redacteur-urba", "valideur", "secretariat", "elu", "elu2", "archiviste"]
DRAFT_STATES = {"draft", "proposed"}
NOT_YET_PUBLIC = {"draft", "proposed", "validated", "scheduled", "adopted", "rejected", "withdrawn"}


def describe(portal):
    """One record per object of the demo site: what the rules need to know, read as Manager."""
    records = []
    catalog = api.portal.get_tool("portal_catalog")
    portal_path = "/".join(portal.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path=portal_path):
        if brain.getPath() == portal_path:
            continue
        obj = brain._unrestrictedGetObject()
        chain = [obj] + [parent for parent in obj.aq_chain[1:] if hasattr(parent, "portal_type")]
        types = [o.portal_type for o in chain]
        deliberation = next((o for o in chain if o.portal_type == "Deliberation"), None)
        commission = next((o for o in chain if o.portal_type == "Commission"), None)
        service = next((o for o in chain if o.portal_type == "Service"), None)
        session = next((o for o in chain if o.portal_type == "Session"), None)
        scheduled_in = None
        if deliberation is not None and deliberation.session_uid:
            found = catalog.unrestrictedSearchResults(UID=deliberation.session_uid)
            scheduled_in = found[0]._unrestrictedGetObject() if found else None
        records.append(
            {
                "url": obj.absolute_url(),
                "path": "/".join(obj.getPhysicalPath()),
                "type": obj.portal_type,
                "state": brain.review_state,
                "is_file": obj.portal_type == "File",
                "in_commission": commission.getId() if commission else None,
                "service": service.getId() if service else None,
                "deliberation_state": api.content.get_state(deliberation) if deliberation else None,
                "nature": getattr(deliberation, "nature", None) if deliberation else None,
                "file_state": brain.review_state if obj.portal_type == "File" and "Deliberation" in types else None,
                "session_state": api.content.get_state(session) if session else None,
                "scheduled_in_state": api.content.get_state(scheduled_in) if scheduled_in else None,
                "scheduled_in_body": scheduled_in.aq_parent.getId() if scheduled_in else None,
            }
        )
    return records


def forbidden(user, record):
    """Why `user` must never get this object, or None. From the domain's rules, not from the workflows."""
    if record["in_commission"] and user not in ("secretariat",):
        if user != "elu" or record["in_commission"] != "commission-finances":
            return "inside a commission the user does not sit in"
    if record["deliberation_state"] in DRAFT_STATES and user in (None, "elu", "elu2", "archiviste", "secretariat"):
        if user != "secretariat" or record["deliberation_state"] == "draft":
            return "a draft"
    if record["deliberation_state"] in DRAFT_STATES and user in ("redacteur-urba", "redacteur", "valideur"):
        own = {"redacteur": "finances", "valideur": "finances", "redacteur-urba": "urbanisme"}[user]
        if record["service"] != own:
            return "a draft of another service"
    if user is None:
        if record["deliberation_state"] in NOT_YET_PUBLIC:
            return "an act not yet published"
        if record["nature"] == "3":
            return "an individual decision"
        if record["file_state"] in ("internal", "confidential"):
            return "a confidential or internal annex"
        # The composition of an assembly is public (the tableau of the council, L2121-1 CGCT); a commission's is not
        # (caught above), nor the organisation of the services.
        if record["type"] == "Service" or record["in_commission"]:
            return "internal to the organisation"
        if record["type"] == "Session" and record["state"] in ("planned", "cancelled"):
            return "a session not convened"
    if user in ("elu", "elu2") and record["file_state"] == "internal":
        return "an internal annex"
    if record["session_state"] == "planned" and user != "secretariat":
        return "a session not yet convened"
    return None


def fetch(session, url, what):
    if what == "page":
        return session.get(url, allow_redirects=False, timeout=60)
    if what == "rest":
        return session.get(url, headers={"Accept": "application/json"}, allow_redirects=False, timeout=60)
    return session.get(f"{url}/@@download/file", allow_redirects=False, timeout=60)


def leaked(response):
    return response.status_code == 200 and len(response.content) > 0


@pytest.fixture
def demo(demo_functional):
    return demo_functional["portal"]


def test_nothing_forbidden_is_returned(demo):
    records = describe(demo)
    assert len(records) > 100, "the demo site should hold sessions, deliberations, annexes and members"
    leaks, checked = [], 0
    for user in ACCOUNTS:
        session = requests.Session()
        if user:
            session.auth = (user, DEMO_PASSWORD)
        for record in records:
            reason = forbidden(user, record)
            if reason is None:
                continue
            channels = ["page", "rest"] + (["download"] if record["is_file"] else [])
            for channel in channels:
                checked += 1
                response = fetch(session, record["url"], channel)
                if leaked(response):
                    leaks.append(f"{user or 'anonymous'} got {record['path']} by {channel}: {reason}")
        found = session.get(
            f"{demo.absolute_url()}/@search",
            params={"b_size": 1000, "metadata_fields": "getPath"},
            headers={"Accept": "application/json"},
            timeout=60,
        ).json()["items"]
        by_path = {r["path"]: r for r in records}
        for item in found:
            record = by_path.get(item["getPath"])
            if record and forbidden(user, record):
                leaks.append(f"{user or 'anonymous'} found {record['path']} in @search: {forbidden(user, record)}")
    assert checked > 200
    assert leaks == []


def test_what_each_account_must_see(demo):
    """The other half: the rules do not lock people out of their own work."""
    records = describe(demo)
    expectations = {
        "redacteur": lambda r: r["type"] == "Deliberation" and r["state"] == "draft" and r["service"] == "finances",
        "redacteur-urba": lambda r: r["type"] == "Deliberation" and r["service"] == "urbanisme",
        "valideur": lambda r: r["type"] == "Deliberation" and r["state"] == "proposed" and r["service"] == "finances",
        "secretariat": lambda r: r["type"] == "Deliberation" and r["state"] == "validated",
        "elu": lambda r: (
            r["type"] == "Deliberation"
            and r["state"] == "scheduled"
            and r["scheduled_in_state"] == "convened"
            and r["scheduled_in_body"] == "conseil-communautaire"
        ),
        "archiviste": lambda r: r["type"] == "Deliberation" and r["state"] == "adopted",
        None: lambda r: r["type"] == "Deliberation" and r["state"] == "published",
    }
    admin = requests.Session()
    admin.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    for user, wanted in expectations.items():
        session = requests.Session()
        if user:
            session.auth = (user, DEMO_PASSWORD)
        targets = [r for r in records if wanted(r)]
        assert targets, f"the demo site has nothing for {user or 'anonymous'} to see"
        for record in targets:
            response = fetch(session, record["url"], "rest")
            assert response.status_code == 200, f"{user or 'anonymous'} cannot open {record['path']}"
