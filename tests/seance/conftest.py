"""A council of seven in a held séance with three deliberations on its agenda, built as the secretariat would."""

from content.conftest import World
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


COUNCILLORS = {
    "marchetti": "Hélène Marchetti",
    "girard": "Paul Girard",
    "benali": "Inès Benali",
    "roux": "Marc Roux",
    "petit": "Léa Petit",
}


class Seance(World):
    """World's council (elu, elu2) with five more members; marchetti presides. Quorum: 4 of 7."""

    def __init__(self, portal):
        super().__init__(portal)
        for user_id, fullname in COUNCILLORS.items():
            api.user.create(
                username=user_id,
                email=f"{user_id}@example.org",
                password="secret-1234",
                properties={"fullname": fullname},
            )
            api.content.create(self.council, "Membership", id=user_id, member=user_id)
        self.session.president = "marchetti"
        self.deliberations = [self.validated(title) for title in ("Budget primitif", "Tarifs piscine", "Subvention")]
        self.items = [self.schedule(d) for d in self.deliberations]
        with api.env.adopt_user(username="secretaire"):
            api.content.transition(self.session, "convene")
            api.content.transition(self.session, "hold")

    def everyone_present(self):
        from collective.deliberations.seance.attendance import record_roll_call

        with api.env.adopt_user(username="secretaire"):
            record_roll_call(self.session, {m: "present" for m in ("elu", "elu2", *COUNCILLORS)})


@pytest.fixture
def seance(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return Seance(portal)


@pytest.fixture
def held(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    seance = Seance(functional_portal)
    transaction.commit()
    return seance


@pytest.fixture
def secretariat(request_factory):
    session = request_factory(basic_auth=("secretaire", "secret-1234"), api=False)
    session.headers["Accept"] = "text/html"
    return session


@pytest.fixture
def html_browser(request_factory):
    """A browser for a person (or anonymous): HTML pages, not plone.restapi's JSON."""

    def factory(user=None):
        client = request_factory(basic_auth=(user, "secret-1234"), api=False) if user else request_factory(api=False)
        client.headers["Accept"] = "text/html"
        return client

    return factory
