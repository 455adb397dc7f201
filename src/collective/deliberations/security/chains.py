"""Workflow chain by place: a commission's or a huis-clos session is never public; documents follow their flags."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.content.body import ICommission
from collective.deliberations.content.deliberation import IDeliberation
from collective.deliberations.content.session import ISession
from plone.base.interfaces import IWorkflowChain
from plone.dexterity.interfaces import IDexterityContent
from Products.CMFCore.interfaces import IWorkflowTool
from Products.CMFPlone.workflow import ToolWorkflowChain
from zope.component import adapter
from zope.interface import implementer


def inside_commission(context):
    context = aq_parent(aq_inner(context))
    while context is not None:
        if ICommission.providedBy(context):
            return True
        context = aq_parent(context)
    return False


@implementer(IWorkflowChain)
@adapter(IDexterityContent, IWorkflowTool)
def workflow_chain(context, tool):
    """The chain of `context`: the type's own chain, except in the places below."""
    portal_type = getattr(aq_inner(context), "portal_type", None)
    if portal_type == "Session":
        if inside_commission(context) or not getattr(context, "public", True):
            return ("closed_session_workflow",)
        return ("session_workflow",)
    if portal_type == "File":
        parent = aq_parent(aq_inner(context))
        if IDeliberation.providedBy(parent) or ISession.providedBy(parent):
            return ("document_workflow",)
    if portal_type in ("Folder", "Document", "File", "Image") and inside_commission(context):
        return ()  # the commission's private space: everything follows the commission
    return ToolWorkflowChain(context, tool)
