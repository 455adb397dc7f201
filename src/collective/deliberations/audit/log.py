"""The audit log's storage: append-only, in the site, safe with several Zope processes.

Entries live in one OOBTree keyed by the entry's UTC time (ISO, microseconds) and a random suffix: there is no
counter that every write would conflict on, and BTrees resolve concurrent inserts of different keys. An entry is
stored as its JSON text: the resolution compares the values it merges, and dicts cannot be ordered (a dict value
made every concurrent insert a ConflictError, tests/audit/test_storage.py). Nothing edits an entry; only `purge`
(retention.py, itself logged) removes or strips them."""

from BTrees.OOBTree import OOBTree
from plone import api
from zope.annotation.interfaces import IAnnotations

import datetime
import json
import uuid


KEY = "collective.deliberations.audit.log"


def _tree(site=None, create=False):
    annotations = IAnnotations(site or api.portal.get())
    if KEY not in annotations and create:
        annotations[KEY] = OOBTree()
    return annotations.get(KEY)


def now():
    return datetime.datetime.now(datetime.UTC)


def describe(obj):
    """Path, UID and title of `obj` as they are now (the entry keeps them after a rename or a deletion)."""
    if obj is None:
        return {"path": "", "uid": "", "title": ""}
    uid = getattr(obj, "UID", None)
    return {
        "path": "/".join(obj.getPhysicalPath()),
        "uid": uid() if callable(uid) else "",
        "title": obj.Title() if hasattr(obj, "Title") else "",
    }


def actor(request=None):
    """Who acts: id, full name at the time, address when a request brings one (personal data: see retention.py)."""
    user = api.user.get_current()
    userid = user.getId() if user is not None else None
    fullname = (user.getProperty("fullname", "") if userid else "") or ""
    ip = request.getClientAddr() if request is not None and hasattr(request, "getClientAddr") else ""
    return {"user": userid or "Anonymous User", "fullname": fullname, "ip": ip or ""}


def make_entry(action, obj=None, details=None, request=None, target=None):
    date = now()
    entry = {"date": date.isoformat(timespec="microseconds"), "action": action, **actor(request), **describe(obj)}
    if target and not entry["path"]:
        entry["path"] = str(target)
    entry["details"] = {str(k): v if isinstance(v, (str, int, bool)) else str(v) for k, v in (details or {}).items()}
    return entry


def append(entry, site=None):
    """Add `entry` (from make_entry) under a new key; the only way in."""
    key = f"{entry['date']}|{uuid.uuid4().hex[:12]}"
    _tree(site, create=True)[key] = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    return key


def record(action, obj=None, details=None, target=None):
    """Record `action` done now by the current user on `obj` (or on `target`, a path or an identifier)."""
    from zope.globalrequest import getRequest

    return append(make_entry(action, obj, details, getRequest(), target))


def entries(since=None, until=None, site=None):
    """The entries between two UTC datetimes (inclusive), newest first, with their key."""
    tree = _tree(site)
    if tree is None:
        return []
    low = since.isoformat(timespec="microseconds") if since else None
    high = f"{until.isoformat(timespec='microseconds')}|~" if until else None
    return [dict(json.loads(entry), key=key) for key, entry in reversed(list(tree.items(low, high)))]


def purge(before, strip_ip_before=None, site=None):
    """Remove the entries dated before `before`; remove the address of those before `strip_ip_before`.
    Returns (removed, stripped). Retention only (retention.py)."""
    tree = _tree(site)
    if tree is None:
        return 0, 0
    old = list(tree.keys(None, before.isoformat(timespec="microseconds"), excludemax=True))
    for key in old:
        del tree[key]
    stripped = 0
    if strip_ip_before is not None:
        high = strip_ip_before.isoformat(timespec="microseconds")
        for key, text in list(tree.items(None, high, excludemax=True)):
            entry = json.loads(text)
            if entry.get("ip"):
                tree[key] = json.dumps({**entry, "ip": ""}, ensure_ascii=False, sort_keys=True)
                stripped += 1
    return len(old), stripped
