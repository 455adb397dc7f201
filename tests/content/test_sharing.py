"""Plone's sharing (the @@sharing page, REST @sharing): only the secretariat and the administrators delegate roles.

An agent owns the drafts of their service and a validator reviews them: neither may give an élu, or every logged-in
user, the right to read a draft (docs/security.md: a draft is seen by its service alone).
"""

from content.conftest import World
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import requests
import transaction


PASSWORD = "secret-1234"
READER_FOR = {
    "elu": {"id": "elu", "type": "user", "roles": {"Reader": True}},
    "everyone": {"id": "AuthenticatedUsers", "type": "group", "roles": {"Reader": True}},
}


def as_user(user_id, method, url, **kwargs):
    headers = {"Accept": "application/json", **kwargs.pop("headers", {})}
    return requests.request(
        method, url, auth=(user_id, PASSWORD), headers=headers, allow_redirects=False, timeout=60, **kwargs
    )


def elu_reads(obj):
    return as_user("elu", "GET", obj.absolute_url()).status_code == 200


@pytest.fixture
def site(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    world.drafted = world.draft("Projet confidentiel")
    world.proposed = world.draft("Projet proposé")
    with api.env.adopt_user(username="agent"):
        api.content.transition(world.proposed, "propose")
    world.ready = world.validated("Projet validé")
    transaction.commit()
    return world


@pytest.mark.parametrize("whom", sorted(READER_FOR))
def test_an_agent_cannot_share_a_draft(site, whom):
    response = as_user("agent", "POST", f"{site.drafted.absolute_url()}/@sharing", json={"entries": [READER_FOR[whom]]})
    assert response.status_code in (401, 403), response.text[:300]
    assert not elu_reads(site.drafted)
    page = as_user("agent", "GET", f"{site.drafted.absolute_url()}/@@sharing", headers={"Accept": "text/html"})
    assert page.status_code in (302, 401, 403) and "require_login" in page.headers.get("Location", "require_login")


def test_a_validator_cannot_share_what_they_review(site):
    url = f"{site.proposed.absolute_url()}/@sharing"
    assert as_user("valideur", "POST", url, json={"entries": [READER_FOR["elu"]]}).status_code in (401, 403)
    assert not elu_reads(site.proposed)


def test_nobody_of_a_service_can_share_its_folder(site):
    url = f"{site.finances.absolute_url()}/@sharing"
    for user_id in ("agent", "valideur"):
        assert as_user(user_id, "POST", url, json={"entries": [READER_FOR["everyone"]]}).status_code in (401, 403)
    assert not elu_reads(site.drafted)


def test_the_secretariat_shares_a_deliberation(site):
    assert not elu_reads(site.ready)
    url = f"{site.ready.absolute_url()}/@sharing"
    response = as_user("secretaire", "POST", url, json={"entries": [READER_FOR["elu"]]})
    assert response.status_code == 204, response.text[:300]
    assert elu_reads(site.ready)
