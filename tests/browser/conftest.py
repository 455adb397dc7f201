"""The small world of tests/content, built on the functional layer and committed, and a browser per person."""

from content.conftest import World
from lxml import html
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


PASSWORD = "secret-1234"


@pytest.fixture
def site(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    transaction.commit()
    return world


@pytest.fixture
def browser(request_factory):
    """browser("agent") is a session logged in as that person, browser() an anonymous one; HTML pages, no API."""

    def open_as(user_id=None):
        if user_id is None:
            session = request_factory(api=False)
        else:
            session = request_factory(basic_auth=(user_id, PASSWORD), api=False)
        session.headers["Accept"] = "text/html"
        return session

    return open_as


def page(response):
    assert response.status_code == 200, f"{response.status_code} {response.url}"
    return html.fromstring(response.text)


def text(element):
    return " ".join(element.text_content().split()) if element is not None else ""


def section(tree, section_id):
    found = tree.xpath(f'//section[@id="{section_id}"]')
    return found[0] if found else None
