"""Keep the DUA ends of the catalog right when a record's life moves on, and a versé record locked."""

from collective.deliberations.archives.status import LOCK_WORKFLOW
from collective.deliberations.archives.status import relock_after_transition
from collective.deliberations.content.deliberation import IDeliberation
from collective.deliberations.content.session import ISession
from plone import api


def record_transitioned(obj, event):
    if getattr(event.workflow, "id", None) == LOCK_WORKFLOW:
        return  # the record entering its lock (status.lock): its dates did not move
    relock_after_transition(obj, event)
    if not (IDeliberation.providedBy(obj) or ISession.providedBy(obj)):
        return
    for child in obj.objectValues():
        if getattr(child, "portal_type", None) == "File":
            child.reindexObject(idxs=["dua_end", "retention_category"])
    if ISession.providedBy(obj):
        obj.reindexObject(idxs=["dua_end", "retention_category"])
        for brain in api.content.find(session_uid=obj.UID(), unrestricted=True):
            brain._unrestrictedGetObject().reindexObject(idxs=["dua_end"])
