"""A record's life in the archive: versé (transferred), archivé (accepted by the archive), éliminé (destroyed).

A versé record is read-only for everyone, Managers included: its Modify, Delete and Add permissions are taken from
every role on the record itself, and given back by no workflow transition (transitions are refused)."""

from plone import api
from zope.annotation.interfaces import IAnnotations

import datetime


KEY = "collective.deliberations.archives.status"
LOCKED_PERMISSIONS = (
    "Modify portal content",
    "Delete objects",
    "Add portal content",
    "plone.app.contenttypes: Add File",
    "Review portal content",
)


def archive_status(obj):
    status = IAnnotations(obj).get(KEY) if obj is not None else None
    return dict(status) if status else None


def set_status(obj, status, **info):
    record = dict(IAnnotations(obj).get(KEY) or {})
    record.update(info, status=status, date=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"))
    IAnnotations(obj)[KEY] = record
    lock(obj)
    obj.reindexObject(idxs=["archive_status"])
    return record


def lock(obj):
    """Take the permissions that change `obj` from every role (the workflow gives them back to nobody)."""
    known = {name for name, *_rest in obj.ac_inherited_permissions(1)}
    for permission in LOCKED_PERMISSIONS:
        if permission in known:
            obj.manage_permission(permission, roles=[], acquire=False)
    obj.reindexObjectSecurity()


def is_locked(obj):
    return archive_status(obj) is not None


def relock_after_transition(obj, event):
    """A workflow transition rewrites the record's permissions: a versé record gets its lock back."""
    if is_locked(obj):
        lock(obj)


def refuse_transition(obj, event):
    from collective.deliberations import _
    from Products.CMFCore.WorkflowCore import WorkflowException
    from zope.globalrequest import getRequest
    from zope.i18n import translate

    if event.transition is not None and is_locked(obj):
        raise WorkflowException(
            translate(
                _(
                    "error_record_transferred",
                    default="This record has been transferred to the archive: it is read-only.",
                ),
                context=getRequest(),
            )
        )


def records_with_status(status):
    return [brain._unrestrictedGetObject() for brain in api.content.find(archive_status=status, unrestricted=True)]
