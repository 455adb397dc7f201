"""A record's life in the archive: versé (transferred), archivé (accepted by the archive), éliminé (destroyed).

A versé record is read-only for everyone, Managers included: it is marked IArchivedRecord, which adds the
workflow archived_record_workflow after its own in its chain (its single state gives Modify, Delete and Add to no
role). "Update security settings" recomputes the record's permissions through its whole chain, this workflow last,
so the lock holds; its own workflow's transitions are refused (refuse_transition)."""

from collective.deliberations.security.chains import workflow_chain
from plone import api
from plone.base.interfaces import IWorkflowChain
from Products.CMFCore.interfaces import IWorkflowTool
from Products.CMFCore.utils import getToolByName
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.interface import Interface

import datetime


KEY = "collective.deliberations.archives.status"
LOCK_WORKFLOW = "archived_record_workflow"


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


class IArchivedRecord(Interface):
    """A record transferred (versé), archived or eliminated: read-only, its chain ends with LOCK_WORKFLOW."""


@implementer(IWorkflowChain)
@adapter(IArchivedRecord, IWorkflowTool)
def archived_chain(context, tool):
    """The record's own chain (security/chains.py), then the lock."""
    own = tuple(workflow_chain(context, tool) or ())
    return own + ((LOCK_WORKFLOW,) if LOCK_WORKFLOW not in own else ())


def lock(obj):
    """Mark `obj` read-only: its chain gains LOCK_WORKFLOW, whose state takes Modify, Delete, Add and Review from
    every role."""
    alsoProvides(obj, IArchivedRecord)
    workflow_tool = getToolByName(obj, "portal_workflow")
    workflow = workflow_tool.getWorkflowById(LOCK_WORKFLOW)
    if workflow_tool.getStatusOf(LOCK_WORKFLOW, obj) is None:
        workflow.notifyCreated(obj)  # enters its state "locked": the permissions are set there
    else:
        workflow.updateRoleMappingsFor(obj)
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
