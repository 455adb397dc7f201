"""The officials' access to a deliberation, derived in one place from the sessions whose agenda holds it.

An official sees a deliberation (and its publishable documents) once a session of a body they sit in, with the
deliberation on its agenda, is convened. The local role Official is granted on the deliberation to that body's
members group, and taken back when the item leaves the agenda or the session is cancelled before being convened.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.security.groups import _set_local_role
from collective.deliberations.security.groups import members_group_id
from plone import api


CONVENED = ("convened", "held", "closed")


def sessions_holding(deliberation):
    """The sessions with an agenda item for this deliberation."""
    items = api.content.find(portal_type="AgendaItem", agenda_deliberation=deliberation.UID(), unrestricted=True)
    return [aq_parent(aq_inner(brain._unrestrictedGetObject())) for brain in items]


def update_official_roles(deliberation):
    wanted = set()
    for session in sessions_holding(deliberation):
        if api.content.get_state(session) in CONVENED:
            wanted.add(members_group_id(aq_parent(aq_inner(session))))
    current = {
        principal
        for principal, roles in deliberation.get_local_roles()
        if "Official" in roles and principal.startswith("members-")
    }
    for principal in current | wanted:
        roles = [r for r in deliberation.get_local_roles_for_userid(principal) if r != "Official"]
        if principal in wanted:
            roles.append("Official")
        _set_local_role(deliberation, principal, roles)
