"""What the schedule says of one record: its category, the date its DUA ends, and whether a legal hold keeps it."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.archives.schedule import get_rule
from collective.deliberations.archives.schedule import get_schedule
from collective.deliberations.content.deliberation import IDeliberation
from collective.deliberations.content.session import ISession
from plone import api
from Products.CMFCore.utils import getToolByName
from zope.annotation.interfaces import IAnnotations

import datetime


HOLD_KEY = "collective.deliberations.archives.hold"
FINAL_DELIBERATION_STATES = ("adopted", "rejected", "withdrawn", "published")
FINAL_SESSION_STATES = ("closed",)
DOCUMENT_CATEGORIES = {
    "proces_verbal": "minutes",
    "convocation": "convocations",
    "note_synthese": "convocations",
    "liste_deliberations": "deliberations",
}


def parent(obj):
    return aq_parent(aq_inner(obj))


def tool(obj, name):
    """A tool of the site `obj` is in (by acquisition: never the global site, which an indexer cannot trust)."""
    return getToolByName(obj, name)


def session_of(obj):
    """The session of a session, of a deliberation (the one that decided it) or of their documents."""
    if ISession.providedBy(obj):
        return obj
    if IDeliberation.providedBy(obj):
        catalog = tool(obj, "portal_catalog")
        brains = catalog.unrestrictedSearchResults(UID=obj.session_uid) if obj.session_uid else []
        return brains[0]._unrestrictedGetObject() if brains else None
    container = parent(obj)
    return session_of(container) if container is not None and container is not obj else None


def category_of(obj):
    """The schedule's category of `obj`, or None when the schedule does not govern it."""
    if IDeliberation.providedBy(obj):
        return "deliberations"
    if ISession.providedBy(obj):
        return "convocations"
    if getattr(obj, "portal_type", None) == "File":
        container = parent(obj)
        document_type = getattr(obj, "document_type", "annexe")
        if IDeliberation.providedBy(container):
            return DOCUMENT_CATEGORIES.get(document_type, "annexes")
        if ISession.providedBy(container):
            return DOCUMENT_CATEGORIES.get(document_type, "convocations")
    return None


def _history_date(obj, action):
    for entry in reversed(obj.workflow_history.get(_workflow_id(obj), ()) if hasattr(obj, "workflow_history") else ()):
        if entry.get("action") == action:
            return entry["time"].asdatetime().date()
    return None


def _workflow_id(obj):
    chain = tool(obj, "portal_workflow").getChainFor(obj)
    return chain[0] if chain else None


def state_of(obj):
    return tool(obj, "portal_workflow").getInfoFor(obj, "review_state", None)


def closed_record(obj):
    """The deliberation or session whose life is over (a decided act, a closed séance), or None."""
    record = obj if (IDeliberation.providedBy(obj) or ISession.providedBy(obj)) else parent(obj)
    state = state_of(record)
    if IDeliberation.providedBy(record) and state in FINAL_DELIBERATION_STATES:
        return record
    if ISession.providedBy(record) and state in FINAL_SESSION_STATES:
        return record
    return None


def start_date(obj, event):
    """The date the DUA of `obj` starts from, for the schedule's start `event`, or None while it runs."""
    record = closed_record(obj)
    if record is None:
        return None
    session = session_of(record)
    session_day = session.start.date() if session is not None and session.start else None
    if event == "session":
        return session_day or getattr(record, "decision_date", None)
    if event == "act":
        return getattr(record, "decision_date", None) or session_day
    if event == "closing":
        return (_history_date(session, "close") if session is not None else None) or session_day
    if event == "publication":
        published = _history_date(record, "publish") if IDeliberation.providedBy(record) else None
        return published or getattr(record, "decision_date", None) or session_day
    return None


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def dua_end(obj, schedule=None):
    """The date the DUA of `obj` ends, or None when it has not started (or the schedule does not govern it)."""
    category = category_of(obj)
    if category is None:
        return None
    rule = (schedule or get_schedule(obj))[category]
    start = start_date(obj, rule["start_event"])
    return add_years(start, rule["dua_years"]) if start else None


def final_action(obj):
    category = category_of(obj)
    return get_rule(category, obj)["final_action"] if category else None


# Legal holds


def set_hold(obj, reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("reason")
    user = api.user.get_current()
    IAnnotations(obj)[HOLD_KEY] = {
        "reason": reason,
        "user": user.getId() if user is not None else "",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def lift_hold(obj):
    return IAnnotations(obj).pop(HOLD_KEY, None)


def own_hold(obj):
    hold = IAnnotations(obj).get(HOLD_KEY)
    return dict(hold) if hold else None


def hold_of(obj):
    """The legal hold that keeps `obj`: its own, its deliberation's, or its session's; None when free."""
    seen = []
    current = obj
    while current is not None and (
        IDeliberation.providedBy(current)
        or ISession.providedBy(current)
        or getattr(current, "portal_type", None) == "File"
    ):
        seen.append(current)
        current = parent(current)
    session = session_of(obj)
    if session is not None:
        seen.append(session)
    for record in seen:
        hold = own_hold(record)
        if hold:
            return {**hold, "path": "/".join(record.getPhysicalPath())}
    return None
