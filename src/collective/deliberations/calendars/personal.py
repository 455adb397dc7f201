"""An official's personal calendar: the séances of every body where they hold a seat, as far as they may View them
(their own permissions, applied by the catalog): convened, held, closed or cancelled; a séance still planned is not
yet theirs to attend."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api


STATES = ("convened", "held", "closed", "cancelled")


def member_sessions(userid):
    with api.env.adopt_user(username=userid):
        bodies = set()
        for brain in api.content.find(portal_type="Membership", unrestricted=True):
            membership = brain._unrestrictedGetObject()
            if membership.member == userid:
                bodies.add(aq_parent(aq_inner(membership)).UID())
        sessions = [
            brain.getObject() for brain in api.content.find(portal_type="Session", review_state=STATES, sort_on="start")
        ]
        return [session for session in sessions if aq_parent(aq_inner(session)).UID() in bodies]
