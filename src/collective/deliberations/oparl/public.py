"""What the public may see, as the queries every OParl list and object starts from: the séances the portal shows
(an assembly's, convened, held or closed, not in huis clos, security/disclosure.py) and the published acts (never an
individual decision, L2131-1 CGCT), always searched as an anonymous visitor whoever asks."""

from collective.deliberations.oparl.common import as_anonymous
from collective.deliberations.oparl.common import search
from collective.deliberations.security.disclosure import session_is_public
from collective.deliberations.vocabularies.choices import INDIVIDUAL_DECISION
from plone import api


STATES = {"convened": "convoquée", "held": "tenue", "closed": "close"}


def meeting_brains(**query):
    """The public séances, the latest first; a huis clos or commission séance filtered out after the query."""
    brains = search(
        portal_type="Session", review_state=tuple(STATES), sort_on="start", sort_order="descending", **query
    )
    with as_anonymous():
        return [brain for brain in brains if session_is_public(brain.getObject())]


def visible_items(session):
    with as_anonymous():
        return [item for item in session.agenda() if api.user.has_permission("View", obj=item)]


def paper_brains(**query):
    return search(
        portal_type="Deliberation",
        review_state="published",
        nature={"not": INDIVIDUAL_DECISION},
        sort_on="online_date",
        sort_order="descending",
        **query,
    )


def is_published(deliberation):
    """May an anonymous visitor read the act (the same query as the list)?"""
    return bool(paper_brains(UID=deliberation.UID()))
