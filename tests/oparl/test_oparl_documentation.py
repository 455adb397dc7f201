"""docs/oparl.md is executed: each request is sent to the demo site as written, each response checked against it."""

from .schemas import errors
from content import test_rest_documentation as rest_doc
from pathlib import Path

import json
import pytest
import requests


DOC = Path(__file__).resolve().parents[2] / "docs" / "oparl.md"


@pytest.fixture
def demo(demo_functional):
    return demo_functional["portal"]


def test_documented_oparl_examples(demo):
    site = demo.absolute_url()
    base = site.rsplit("/plone", 1)[0]
    pairs = rest_doc.examples(DOC)
    assert len(pairs) >= 2
    for request_block, response_block in pairs:
        (method, path, _version), _headers, _body = rest_doc.parse(request_block)
        response = requests.request(method, base + path, timeout=60)
        (_version, status, *_reason), headers, expected = rest_doc.parse(response_block)
        assert response.status_code == int(status), path
        assert response.headers["Content-Type"] == headers["Content-Type"], path
        answer = response.json()
        assert rest_doc.contains(answer, json.loads(expected.replace("{{site}}", site))), response.text[:800]
        if status == "200":
            assert errors(answer) == []
