"""What reaches the end of its DUA in a period, grouped by final disposition (the archivist's dashboard)."""

from collective.deliberations.archives.retention import category_of
from collective.deliberations.archives.retention import dua_end
from collective.deliberations.archives.retention import hold_of
from collective.deliberations.archives.schedule import get_schedule
from collective.deliberations.archives.status import archive_status
from plone import api

import datetime


RECORD_TYPES = ("Deliberation", "Session")


def parse_day(value, default):
    if not value:
        return default
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def default_period(today=None):
    """From the beginning (what is overdue counts) to a year from today."""
    today = today or datetime.date.today()
    return datetime.date(1900, 1, 1), today + datetime.timedelta(days=365)


def reaching_dua_end(start, end, portal_types=RECORD_TYPES):
    """{"C": [...], "D": [...], "T": [...]} of the records whose DUA ends between `start` and `end` (inclusive)."""
    schedule = get_schedule()
    groups = {action: [] for action in ("C", "D", "T")}
    brains = api.content.find(
        portal_type=list(portal_types),
        dua_end={
            "query": [
                datetime.datetime.combine(start, datetime.time()),
                datetime.datetime.combine(end, datetime.time(23, 59, 59)),
            ],
            "range": "min:max",
        },
        sort_on="dua_end",
    )
    for brain in brains:
        obj = brain.getObject()
        category = category_of(obj)
        if category is None:
            continue
        rule = schedule[category]
        end_day = dua_end(obj, schedule)
        hold = hold_of(obj)
        status = archive_status(obj)
        groups[rule["final_action"]].append(
            {
                "@id": obj.absolute_url(),
                "UID": brain.UID,
                "title": brain.Title,
                "portal_type": brain.portal_type,
                "review_state": brain.review_state,
                "category": category,
                "category_title": rule["title"],
                "dua_end": end_day.isoformat() if end_day else None,
                "legal_hold": hold,
                "archive_status": status["status"] if status else None,
                "kind": "record",
            }
        )
    if "Session" in portal_types:
        _add_personal_data(groups, start, end, schedule)
    return groups


def _add_personal_data(groups, start, end, schedule):
    """The personal data of the séances' convocations, under the rule "personal", as rows of their own."""
    from collective.deliberations.archives.personal import CATEGORY
    from collective.deliberations.archives.personal import pending_personal_data
    from collective.deliberations.archives.personal import personal_title

    rule = schedule[CATEGORY]
    for session, day in pending_personal_data(start, end, schedule):
        groups[rule["final_action"]].append(
            {
                "@id": session.absolute_url(),
                "UID": session.UID(),
                "title": personal_title(session),
                "portal_type": session.portal_type,
                "review_state": "closed",
                "category": CATEGORY,
                "category_title": rule["title"],
                "dua_end": day.isoformat(),
                "legal_hold": hold_of(session),
                "archive_status": None,
                "kind": "personal",
            }
        )


def reindex_category(category):
    """After a rule changed: every record of `category` gets its DUA end computed again."""
    count = 0
    for brain in api.content.find(retention_category=category, unrestricted=True):
        brain._unrestrictedGetObject().reindexObject(idxs=["dua_end"])
        count += 1
    return count
