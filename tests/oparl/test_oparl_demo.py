"""OParl 1.1 on the demo site, as an outside client sees it: from the System, every list (following ``next``) and
every object it links to, each valid against the official schemas, and nothing the public portal does not show
(no draft, no huis clos item's details, no commission séance, no internal document, no personal data), whoever asks."""

from .schemas import errors
from collective.deliberations.security.disclosure import is_huis_clos
from collective.deliberations.security.disclosure import session_is_public
from collective.deliberations_demo.accounts import DEMO_PASSWORD
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import json
import pytest
import requests


PRIVATE_KEYS = {"email", "phone", "streetAddress", "postalCode", "paper_convocation", "presence", "ballots"}


@pytest.fixture
def demo(demo_functional):
    return demo_functional["portal"]


def walk(start, auth=None):
    """{id: object} of everything reachable from the System through lists and links under @@oparl."""
    root = start.split("?")[0]
    seen, objects, queue = set(), {}, [start]
    while queue:
        address = queue.pop()
        if address in seen:
            continue
        seen.add(address)
        response = requests.get(address, auth=auth, timeout=120)
        assert response.status_code == 200, (address, response.text[:300])
        assert response.headers["Content-Type"].startswith("application/json")
        data = response.json()
        found = data["data"] if "data" in data else [data]
        if "links" in data and data["links"].get("next"):
            queue.append(data["links"]["next"])
        for obj in found:
            for item in embedded(obj):
                objects[item["id"]] = item
        for link in links(data):
            if link.startswith(root) and link not in seen:
                queue.append(link)
    return objects


def embedded(obj):
    yield obj
    for value in obj.values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict) and "type" in child:
                yield from embedded(child)


def links(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("web", "accessUrl", "downloadUrl", "links"):
                continue
            yield from links(value)
    elif isinstance(data, list):
        for value in data:
            yield from links(value)
    elif isinstance(data, str) and data.startswith("http"):
        yield data


def kind(obj):
    return obj["type"].rsplit("/", 1)[1]


def uid(obj):
    return obj["id"].rsplit("/", 1)[1]


def test_system_answers_anyone_as_json(demo):
    response = requests.get(f"{demo.absolute_url()}/@@oparl", timeout=60)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    system = response.json()
    assert errors(system) == []
    assert system["body"] == f"{demo.absolute_url()}/@@oparl/body"


def test_unknown_or_private_id_is_a_json_404_and_writing_a_405(demo):
    base = f"{demo.absolute_url()}/@@oparl"
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.find(portal_type="Deliberation", review_state="draft", unrestricted=True)[0].UID
    for address in (f"{base}/meeting/no-such-uid", f"{base}/paper/{draft}", f"{base}/nothing"):
        response = requests.get(address, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=60)
        assert response.status_code == 404, address
        assert response.headers["Content-Type"].startswith("application/json")
        assert response.json()["error"]["code"] == 404
    assert requests.post(base, timeout=60).status_code == 405


def test_the_walk_is_valid_and_public_only_whoever_asks(demo):
    start = f"{demo.absolute_url()}/@@oparl"
    objects = walk(start)
    kinds = {kind(obj) for obj in objects.values()}
    assert {"System", "Body", "Organization", "Meeting", "AgendaItem", "Paper", "File", "Consultation"} <= kinds
    for obj in objects.values():
        assert errors(obj) == [], obj["id"]
        assert not PRIVATE_KEYS & set(obj), obj["id"]
    catalog = api.portal.get_tool("portal_catalog")

    def real(obj, identifier=None):
        return catalog.unrestrictedSearchResults(UID=identifier or uid(obj))[0]._unrestrictedGetObject()

    meetings = [real(o) for o in objects.values() if kind(o) == "Meeting"]
    assert meetings
    for session in meetings:
        assert session_is_public(session), session.Title()
        assert api.content.get_state(session) in ("convened", "held", "closed")
    closed = [
        brain.UID
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Session", review_state=("convened", "held", "closed")
        )
        if not session_is_public(brain._unrestrictedGetObject())
    ]
    assert closed, "the demo has commission séances: none may appear"
    assert not {session.UID() for session in meetings} & set(closed)
    logins = {
        brain._unrestrictedGetObject().member for brain in catalog.unrestrictedSearchResults(portal_type="Membership")
    }
    text = json.dumps(list(objects.values()))
    assert not [login for login in logins if f'"{login}"' in text or f'/{login}"' in text]
    for paper in (real(o) for o in objects.values() if kind(o) == "Paper"):
        assert api.content.get_state(paper) == "published"
    reduced = []
    for item in (o for o in objects.values() if kind(o) == "AgendaItem"):
        deliberation = real(None, real(item).deliberation) if real(item).deliberation else None
        if deliberation is not None and is_huis_clos(deliberation):
            assert item["public"] is False and "consultation" not in item and "resolutionText" not in item
            reduced.append(item)
    assert reduced, "the demo has a huis clos item: it appears with its objet only"
    for document in (o for o in objects.values() if kind(o) == "File" and o["accessUrl"].find("@@actes/") < 0):
        assert api.content.get_state(real(document)) == "publishable"
        assert requests.get(document["downloadUrl"], timeout=60).status_code == 200  # anonymous may fetch it
    admin = walk(start, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    elected = walk(start, auth=("elu", DEMO_PASSWORD))
    assert set(admin) == set(objects) == set(elected)


def test_modified_since_keeps_the_later_ones(demo):
    base = f"{demo.absolute_url()}/@@oparl/body/1/meeting"
    everything = requests.get(base, timeout=60).json()
    assert everything["pagination"]["totalElements"] > 0
    later = requests.get(base, params={"modified_since": "2999-01-01T00:00:00+01:00"}, timeout=60).json()
    assert later["data"] == [] and later["pagination"]["totalElements"] == 0
    assert requests.get(base, params={"modified_since": "pas une date"}, timeout=60).status_code == 400
