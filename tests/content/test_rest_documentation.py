"""docs/rest.md is executed: each request is sent as written, each response checked against the document."""

from .conftest import World
from pathlib import Path
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID

import json
import re
import requests
import transaction


DOC = Path(__file__).resolve().parents[2] / "docs" / "rest.md"


def examples(path=DOC):
    """[(request block, response block)] from the consecutive ```http blocks of the document."""
    blocks = re.findall(r"```http\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) % 2 == 0, "each request block needs its response block"
    return list(zip(blocks[::2], blocks[1::2], strict=True))


def parse(block):
    head, _sep, body = block.partition("\n\n")
    first, *headers = head.strip().splitlines()
    return first.split(), dict(h.split(": ", 1) for h in headers), body.strip()


def contains(actual, expected):
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and contains(actual[k], v) for k, v in expected.items())
    return actual == expected


def test_documented_examples(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    World(functional_portal)
    transaction.commit()
    base = functional_portal.absolute_url().rsplit("/plone", 1)[0]
    uids = {}
    pairs = examples()
    assert len(pairs) >= 20
    for number, (request_block, response_block) in enumerate(pairs, 1):
        (method, path, _version), headers, body = parse(request_block)
        user = headers.get("Authorization")
        auth = (
            None
            if user is None
            else (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
            if user == "admin"
            else (user, "secret-1234")
        )
        body = body.replace("{{500 x}}", "x" * 500)
        for name in re.findall(r"\{\{(\S+) UID\}\}", body):
            if name not in uids:
                found = requests.get(
                    f"{base}/plone/@search",
                    params={"id": name, "metadata_fields": "UID"},
                    auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
                    headers={"Accept": "application/json"},
                    timeout=30,
                ).json()["items"]
                uids[name] = found[0]["UID"]
            body = body.replace(f"{{{{{name} UID}}}}", uids[name])
        response = requests.request(
            method,
            base + path,
            auth=auth,
            data=body.encode() or None,
            timeout=60,
            headers={"Accept": "application/json", "Content-Type": "application/json"},
        )
        (_version, status, *_reason), _headers, expected = parse(response_block)
        where = f"example {number}: {method} {path} as {user or 'anonymous'}"
        assert response.status_code == int(status), f"{where}: {response.status_code} {response.text[:500]}"
        if expected:
            assert contains(response.json(), json.loads(expected)), f"{where}: {response.text[:800]}"
