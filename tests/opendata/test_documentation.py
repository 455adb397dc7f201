"""docs/opendata.md is executed on the demo site: each request is sent as written, anonymously, and each response
checked against the document."""

from pathlib import Path

import json
import pytest
import re
import requests


DOC = Path(__file__).resolve().parents[2] / "docs" / "opendata.md"


@pytest.fixture
def demo(demo_functional):
    return demo_functional["portal"]


def examples():
    blocks = re.findall(r"```http\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert blocks and len(blocks) % 2 == 0, "each request block needs its response block"
    return list(zip(blocks[::2], blocks[1::2], strict=True))


def parse(block):
    head, _sep, body = block.partition("\n\n")
    first, *headers = head.strip().splitlines()
    return first.split(), dict(h.split(": ", 1) for h in headers), body.strip()


def contains(actual, expected):
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and contains(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list) and expected and isinstance(expected[0], dict):
        return isinstance(actual, list) and len(actual) >= len(expected) and all(map(contains, actual, expected))
    return actual == expected


def test_documented_example(demo):
    base = demo.absolute_url().rsplit("/plone", 1)[0]
    host = base.split("://", 1)[1]
    for request_block, response_block in examples():
        (method, path, _version), headers, _body = parse(request_block)
        response = requests.request(method, base + path, headers=headers, timeout=120)
        (_version, status, *_reason), _headers, expected = parse(response_block.replace("localhost:{port}", host))
        assert response.status_code == int(status), response.text[:500]
        assert contains(response.json(), json.loads(expected)), response.text[:1500]
