"""The publications still to make of a séance (the list within a week of the séance, the approved PV within a week
of its approval), kept in the catalog: the index ``publication_due`` (the earliest open deadline) and the metadata
``publication_deadlines`` let the secretariat's dashboard find them without waking a session. The session is
reindexed by the events that change them: its workflow transitions, a change of its date (a full reindex), the
approval and the publications (publication.py)."""

from collective.deliberations.content.session import ISession
from collective.deliberations.seance import liste
from collective.deliberations.seance import publication
from DateTime import DateTime
from plone import api
from plone.indexer import indexer

import datetime


INDEXES = ["publication_due"]  # reindexing one index updates the metadata too
SINCE_DAYS = 550  # the dashboard looks back a year and a half


def open_deadlines(session):
    """((kind, title, due date as ISO string), ...) of the list and the PV of this session still to publish."""
    record = publication._record(session)
    found = []
    if api.content.get_state(session) in ("held", "closed") and not record.get("liste_published"):
        found.append(("liste", liste.title(session), (session.start.date() + publication.DEADLINE).isoformat()))
    approved = record.get("approved")
    if approved and not record.get("minutes_published"):
        found.append(("minutes", publication.published_title(session), publication._due(approved["date"])))
    return tuple(found)


def _day(iso_date):
    return DateTime(f"{iso_date} 00:00:00")


@indexer(ISession)
def publication_due(session):
    dues = sorted(due for _kind, _title, due in open_deadlines(session))
    return _day(dues[0]) if dues else None


@indexer(ISession)
def publication_deadlines(session):
    return open_deadlines(session)


def warned(found, today=None):
    """The rows of ``found`` (open_deadlines) due within two days or late: what the page and the dashboard show."""
    today = today or datetime.date.today()
    rows = []
    for kind, title, due in found or ():
        due_date = datetime.date.fromisoformat(due)
        if due_date - today <= publication.WARN_BEFORE:
            rows.append({"kind": kind, "title": title, "due": due_date, "late": due_date < today})
    return rows


def deadlines(session, today=None):
    """The publications of this session to make soon or late (the warnings of its page)."""
    return warned(open_deadlines(session), today)


def pending_publications(today=None):
    """(brain of the session, row) for every séance of the last year and a half with a publication due within two
    days or late; from the catalog only."""
    today = today or datetime.date.today()
    brains = api.content.find(
        portal_type="Session",
        publication_due={"query": _day((today + publication.WARN_BEFORE).isoformat()), "range": "max"},
        start={"query": DateTime() - SINCE_DAYS, "range": "min"},
        sort_on="start",
    )
    return [(brain, row) for brain in brains for row in warned(brain.publication_deadlines, today)]


def reindex(session, event=None):
    """After a transition of the session, or a change of what it has published."""
    session.reindexObject(idxs=INDEXES)
