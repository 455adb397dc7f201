"""docs/seance.md is executed: each request is sent as written, each response checked against the document."""

from .conftest import Seance
from content import test_rest_documentation as documented
from pathlib import Path
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import json
import requests
import transaction


DOC = Path(__file__).resolve().parents[2] / "docs" / "seance.md"


def test_documented_seance(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    seance = Seance(functional_portal)
    transaction.commit()
    year = str(seance.session.start.year)
    base = functional_portal.absolute_url().rsplit("/plone", 1)[0]
    pairs = documented.examples(DOC)
    assert len(pairs) >= 12
    for number, (request_block, response_block) in enumerate(pairs, 1):
        (method, path, _version), headers, body = documented.parse(request_block)
        user = headers.get("Authorization")
        response = requests.request(
            method,
            base + path,
            auth=None if user is None else (user, "secret-1234"),
            data=body.encode() or None,
            timeout=60,
            headers={"Accept": "application/json", "Content-Type": "application/json"},
        )
        (_version, status, *_reason), _headers, expected = documented.parse(response_block)
        where = f"example {number}: {method} {path} as {user or 'anonymous'}"
        assert response.status_code == int(status), f"{where}: {response.status_code} {response.text[:500]}"
        if expected:
            expected = json.loads(expected.replace("{{year}}", year))
            assert documented.contains(response.json(), expected), f"{where}: {response.text[:800]}"
