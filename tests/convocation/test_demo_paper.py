"""The demo's two council members who asked for paper: the secretariat finds them on the convened council's
follow-up, with their printable letters; their record says "papier", and an official cannot print the letters."""

from collective.deliberations_demo.accounts import DEMO_PASSWORD
from collective.deliberations_demo.bodies import PAPER
from collective.deliberations_demo.tools import find_by_key
from lxml import html
from plone import api

import pytest
import requests


@pytest.fixture
def convened(demo_functional):
    return find_by_key(demo_functional["portal"]["conseil-communautaire"], "conseil-convoque")


def client(user):
    session = requests.Session()
    session.auth = (user, DEMO_PASSWORD)
    session.headers["Accept-Language"] = "fr"
    return session


def test_the_demo_secretariat_prints_the_paper_letters(convened):
    response = client("secretariat").get(f"{convened.absolute_url()}/@@convocation-suivi", timeout=120)
    assert response.status_code == 200
    doc = html.fromstring(response.text)
    listed = [" ".join(li.text_content().split()) for li in doc.xpath("//section[@id='paper']//li")]
    names = [api.user.get(userid=userid).getProperty("fullname") for userid in PAPER]
    assert len(listed) == 2
    assert all(any(name in line for line in listed) for name in names), (names, listed)
    assert "papier" in " ".join(doc.xpath("//span[contains(@class,'badge')]/text()"))

    letters = client("secretariat").get(f"{convened.absolute_url()}/@@convocation-lettre.pdf", timeout=120)
    assert letters.status_code == 200
    assert letters.headers["Content-Type"].startswith("application/pdf")
    assert letters.content.startswith(b"%PDF")
    one = client("secretariat").get(
        f"{convened.absolute_url()}/@@convocation-lettre.pdf", params={"recipient": PAPER[0]}, timeout=120
    )
    assert one.status_code == 200 and one.content.startswith(b"%PDF")
    assert len(one.content) < len(letters.content)  # one letter, not both

    refused = client("elu").get(f"{convened.absolute_url()}/@@convocation-lettre.pdf", timeout=120)
    assert not refused.content.startswith(b"%PDF")
    assert refused.status_code in (401, 403) or "insufficient-privileges" in refused.url
