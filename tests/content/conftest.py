"""A small world of the domain, built as the secretariat would: services, a council, a commission, people."""

from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


PEOPLE = {
    "agent": "Agent Finances",
    "agent-urba": "Agente Urbanisme",
    "valideur": "Valideur Finances",
    "secretaire": "Secrétaire",
    "elu": "Élu du conseil et de la commission",
    "elu2": "Élue du conseil",
    "archiviste": "Archiviste",
}


class World:
    def __init__(self, portal):
        self.portal = portal
        for user_id, fullname in PEOPLE.items():
            api.user.create(
                username=user_id,
                email=f"{user_id}@example.org",
                password="secret-1234",
                properties={"fullname": fullname},
            )
        api.group.create(groupname="secretariat", roles=["Secretariat"])
        api.group.add_user(groupname="secretariat", username="secretaire")
        api.group.create(groupname="archivists", roles=["Archivist"])
        api.group.add_user(groupname="archivists", username="archiviste")
        self.finances = api.content.create(
            portal, "Service", id="finances", title="Finances", agents=["agent"], validators=["valideur"]
        )
        self.urbanisme = api.content.create(portal, "Service", id="urbanisme", title="Urbanisme", agents=["agent-urba"])
        self.council = api.content.create(portal, "Assembly", id="conseil", title="Conseil communautaire")
        for user_id in ("elu", "elu2"):
            api.content.create(self.council, "Membership", id=user_id, member=user_id, member_role="membre")
        self.commission = api.content.create(self.council, "Commission", id="commission-finances", title="Finances")
        api.content.create(self.commission, "Membership", id="elu", member="elu")
        start = datetime.now() + timedelta(days=10)
        self.session = api.content.create(self.council, "Session", id="seance", title="Séance", start=start)

    def draft(self, title="Budget primitif", service=None, **fields):
        with api.env.adopt_user(username="agent" if service is None else "agent-urba"):
            return api.content.create(
                service or self.finances, "Deliberation", title=title, **{"matiere": "7.1", "nature": "1", **fields}
            )

    def validated(self, title="Budget primitif", **fields):
        deliberation = self.draft(title, **fields)
        with api.env.adopt_user(username="agent"):
            api.content.transition(deliberation, "propose")
        with api.env.adopt_user(username="valideur"):
            api.content.transition(deliberation, "validate")
        return deliberation

    def information(self, session=None, title="Point d'information"):
        """An item without vote: an empty agenda cannot be convened."""
        with api.env.adopt_user(username="secretaire"):
            return api.content.create(session or self.session, "AgendaItem", item_kind="information", title=title)

    def schedule(self, deliberation, session=None):
        with api.env.adopt_user(username="secretaire"):
            return api.content.create(
                session or self.session,
                "AgendaItem",
                id=deliberation.getId(),
                item_kind="deliberation",
                deliberation=deliberation.UID(),
            )


@pytest.fixture
def world(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return World(portal)


def new_request():
    """Forget what borg.localrole cached on the test request, as a new request would."""
    from zope.annotation.interfaces import IAnnotations
    from zope.globalrequest import getRequest

    annotations = IAnnotations(getRequest())
    for key in [k for k in annotations if str(k).startswith("borg.localrole")]:
        del annotations[key]


def can(user_id, permission, obj):
    new_request()
    with api.env.adopt_user(username=user_id):
        return bool(api.user.has_permission(permission, obj=obj))


def do(obj, transition, **kwargs):
    """A transition as the UI and REST run it: the workflow tool's refusal keeps its message."""
    api.portal.get_tool("portal_workflow").doActionFor(obj, transition, **kwargs)
