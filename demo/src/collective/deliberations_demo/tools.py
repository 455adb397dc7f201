"""Small helpers of the demo: acting as someone, French dates, rich text, finding what a previous run created."""

from contextlib import contextmanager
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue


MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# The key a demo object is found again by, on a later run, when its id depends on today's date.
DEMO_KEY = "demo_key"


@contextmanager
def acting_as(user_id):
    """Act as `user_id` so that histories name the right person; as a Manager when the account does not exist
    (the Zope administrator is missing when the profile is applied outside `deliberations-site`)."""
    portal = api.portal.get()
    known = any(acl_users.getUserById(user_id) for acl_users in (portal.acl_users, portal.__parent__.acl_users))
    with api.env.adopt_user(username=user_id) if known else api.env.adopt_roles(["Manager"]):
        yield


def as_manager():
    return acting_as("admin")


def rich(*paragraphs):
    html = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return RichTextValue(html, "text/html", "text/x-html-safe")


def french_date(day):
    """2026-12-04 -> "4 décembre 2026"; the first of the month is "1er"."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def today():
    return date.today()


def at(days, hour=18, minute=0):
    """A datetime `days` from today at the given time (negative: in the past)."""
    return datetime.combine(today() + timedelta(days=days), time(hour, minute))


def find_by_key(container, key):
    for obj in container.objectValues():
        if getattr(obj, DEMO_KEY, None) == key:
            return obj
    return None


def get_or_create(container, portal_type, id, **fields):
    """The object `id` of `container`, created with `fields` when missing; returns (object, created)."""
    if id in container.objectIds():
        return container[id], False
    return api.content.create(container=container, type=portal_type, id=id, **fields), True


def backdate(obj, times):
    """Date the workflow history of `obj` as it happened: `times` maps an action (None: the creation) to a
    datetime; the actions in it are re-timed, in order, the others left alone."""
    from DateTime import DateTime

    for workflow_id, entries in obj.workflow_history.items():
        changed = False
        for entry in entries:
            when = times.get(entry.get("action"))
            if when is not None:
                entry["time"] = DateTime(f"{when:%Y/%m/%d %H:%M:%S} Europe/Paris")
                changed = True
        if changed:
            obj.workflow_history[workflow_id] = tuple(entries)
