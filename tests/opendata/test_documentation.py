"""docs/opendata.md is executed on the demo site: each request is sent as written, anonymously, and each response
checked against the document."""

from content.test_rest_documentation import examples
from content.test_rest_documentation import parse
from pathlib import Path

import json
import pytest
import requests


DOC = Path(__file__).resolve().parents[2] / "docs" / "opendata.md"


@pytest.fixture
def demo(demo_functional):
    return demo_functional["portal"]


def contains(actual, expected):
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and contains(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list) and expected and isinstance(expected[0], dict):
        return isinstance(actual, list) and len(actual) >= len(expected) and all(map(contains, actual, expected))
    return actual == expected


def test_documented_example(demo):
    base = demo.absolute_url().rsplit("/plone", 1)[0]
    host = base.split("://", 1)[1]
    documented = examples(DOC)
    assert documented, "docs/opendata.md gives no example"
    for request_block, response_block in documented:
        (method, path, _version), headers, _body = parse(request_block)
        response = requests.request(method, base + path, headers=headers, timeout=120)
        (_version, status, *_reason), _headers, expected = parse(response_block.replace("localhost:{port}", host))
        assert response.status_code == int(status), response.text[:500]
        assert contains(response.json(), json.loads(expected)), response.text[:1500]
