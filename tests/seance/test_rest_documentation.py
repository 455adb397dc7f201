"""docs/seance.md is executed: each request is sent as written, each response checked against the document."""

from .conftest import Seance
from collective.deliberations.seance.liste import french_date
from collective.deliberations_demo.pdf import pdf_bytes
from content import test_rest_documentation as documented
from datetime import date
from pathlib import Path
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID

import base64
import json
import requests
import transaction


DOC = Path(__file__).resolve().parents[2] / "docs" / "seance.md"


def fill(text, values):
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def test_documented_seance(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    seance = Seance(functional_portal)
    transaction.commit()
    day = seance.session.start.date()
    values = {
        "year": str(day.year),
        "french_date": french_date(day),
        "date": day.strftime("%Y%m%d"),
        "decision": day.isoformat(),
        "today": date.today().isoformat(),
        "pdf": base64.b64encode(pdf_bytes("Délibération signée", ["Le conseil décide."])).decode(),
    }
    base = functional_portal.absolute_url().rsplit("/plone", 1)[0]
    pairs = documented.examples(DOC)
    assert len(pairs) >= 12
    for number, (request_block, response_block) in enumerate(pairs, 1):
        (method, path, _version), headers, body = documented.parse(request_block)
        user = headers.get("Authorization")
        password = SITE_OWNER_PASSWORD if user == "admin" else "secret-1234"
        response = requests.request(
            method,
            base + fill(path, values),
            auth=None if user is None else (SITE_OWNER_NAME if user == "admin" else user, password),
            data=fill(body, values).encode() or None,
            timeout=60,
            headers={"Accept": "application/json", "Content-Type": "application/json"},
        )
        (_version, status, *_reason), _headers, expected = documented.parse(response_block)
        where = f"example {number}: {method} {path} as {user or 'anonymous'}"
        assert response.status_code == int(status), f"{where}: {response.status_code} {response.text[:500]}"
        if expected:
            expected = json.loads(fill(expected, values))
            assert documented.contains(response.json(), expected), f"{where}: {response.text[:800]}"


def test_bad_input_gets_a_message_and_changes_nothing(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    Seance(functional_portal).everyone_present()
    transaction.commit()
    url = functional_portal.absolute_url() + "/conseil/seance"
    auth = ("secretaire", "secret-1234")
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    for path, data, message in (
        ("@roll-call", "pas du JSON", "Le corps de la requête n'est pas un objet JSON."),
        ("@roll-call", '["marchetti"]', "Le corps de la requête n'est pas un objet JSON."),
        ("@roll-call", '{"attendance": ["marchetti"]}', "« attendance » n'a pas la forme attendue"),
        ("@movements", '{"member": ["roux"], "item": "subvention", "kind": "departure"}', "« member » n'a pas"),
        ("budget-primitif/@vote", '{"mode": "public", "ballots": ["pour"]}', "« ballots » n'a pas la forme attendue"),
        ("budget-primitif/@vote", '{"mode": "secret", "counts": [3, 1]}', "« counts » n'a pas la forme attendue"),
        ("budget-primitif/@vote", '{"mode": "secret", "counts": {"pour": "trois"}}', "sont des nombres entiers"),
    ):
        response = requests.post(f"{url}/{path}", data=data.encode(), auth=auth, headers=headers, timeout=60)
        assert response.status_code == 400, (path, data, response.text[:300])
        assert message in response.json()["error"]["message"], (path, data, response.text[:300])
    state = requests.get(f"{url}/@seance", auth=auth, headers=headers, timeout=60).json()
    assert {m["status"] for m in state["members"]} == {"present"} and not state["movements"]
    assert not [item for item in state["items"] if item["vote"]]
