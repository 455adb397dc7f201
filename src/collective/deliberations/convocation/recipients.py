"""Who receives what: the body's current members a convocation, its guests and substitutes an invitation."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.content.membership import memberships
from plone import api


INVITED_ROLES = ("suppleant", "invite")


def current_members(session):
    """[(userid, fullname, email, kind)] of the session's body, in the order of its memberships."""
    body = aq_parent(aq_inner(session))
    people = []
    seen = set()
    for membership in memberships(body):
        if not membership.is_current() or not membership.member or membership.member in seen:
            continue
        seen.add(membership.member)
        user = api.user.get(userid=membership.member)
        fullname = (user.getProperty("fullname") or membership.member) if user else membership.member
        email = (user.getProperty("email") or "") if user else ""
        kind = "invitation" if membership.member_role in INVITED_ROLES else "convocation"
        people.append((membership.member, fullname, email, kind))
    return people


def voting_members(session):
    """The userids who may hold a proxy: current members that are not guests."""
    return {userid for userid, _name, _email, kind in current_members(session) if kind == "convocation"}


def paper_members(session):
    """The userids whose current seat in the session's body asks for the convocation on paper."""
    body = aq_parent(aq_inner(session))
    return {
        m.member for m in memberships(body) if m.is_current() and m.member and getattr(m, "paper_convocation", False)
    }
