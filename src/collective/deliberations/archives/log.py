"""The log of every retention action (who, when, what), kept in the site for as long as the site lives. Each action
goes to the audit log too (audit/), which the Managers read with the rest of who did what."""

from BTrees.IOBTree import IOBTree
from collective.deliberations.audit.log import record
from plone import api
from zope.annotation.interfaces import IAnnotations

import datetime


KEY = "collective.deliberations.archives.log"


def _entries(create=False):
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations and create:
        annotations[KEY] = IOBTree()
    return annotations.get(KEY)


def log_action(action, target="", detail=""):
    """Record `action` done now by the current user on `target` (a path or an identifier)."""
    entries = _entries(create=True)
    key = (entries.maxKey() + 1) if len(entries) else 1
    user = api.user.get_current()
    entries[key] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "user": user.getId() if user is not None else "",
        "action": action,
        "target": target,
        "detail": detail,
    }
    record(action, _object_at(target), {"detail": detail} if detail else {}, target=target)
    return entries[key]


def _object_at(target):
    """The record a path names (a hold, a stub), else None (an elimination's or a transfer's identifier)."""
    if not str(target).startswith("/"):
        return None
    return api.portal.get().unrestrictedTraverse(str(target), None)


def read_log(limit=None):
    """The entries, newest first."""
    entries = _entries()
    if not entries:
        return []
    values = [dict(entry) for entry in reversed(entries.values())]
    return values[:limit] if limit else values
