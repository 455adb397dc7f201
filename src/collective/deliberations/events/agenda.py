"""A deliberation placed on, or taken off, the agenda of an assembly's session is scheduled, or postponed."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.security import force_transition
from collective.deliberations.security.chains import inside_commission
from collective.deliberations.security.groups import sync_body_members
from collective.deliberations.security.officials import update_official_roles
from plone import api


def is_assembly_session(session):
    return not inside_commission(session)


def agenda_item_added(item, event):
    deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
    if deliberation is None:
        return
    session = aq_parent(aq_inner(item))
    if is_assembly_session(session) and api.content.get_state(deliberation) == "validated":
        deliberation.session_uid = session.UID()
        force_transition(deliberation, "schedule", comment=session.Title())
    update_official_roles(deliberation)


def agenda_item_removed(item, event):
    if event.newParent is not None or not item.deliberation:
        return
    deliberation = item.get_deliberation()
    if deliberation is None:
        return
    session = event.oldParent
    if deliberation.session_uid == session.UID() and api.content.get_state(deliberation) == "scheduled":
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=deliberation, transition="postpone", comment="Retirée de l'ordre du jour")
    update_official_roles(deliberation)


def session_transitioned(session, event):
    """Convening shows the dossier to the body's members; cancelling sends its deliberations back."""
    if event.new_state.id == "convened":
        sync_body_members(aq_parent(aq_inner(session)))  # memberships that started or ended since the last change
    for item in session.agenda():
        deliberation = item.get_deliberation()
        if deliberation is None:
            continue
        if (
            event.new_state.id == "cancelled"
            and deliberation.session_uid == session.UID()
            and api.content.get_state(deliberation) == "scheduled"
        ):
            with api.env.adopt_roles(["Manager"]):
                api.content.transition(obj=deliberation, transition="postpone", comment="Séance annulée")
        update_official_roles(deliberation)


def session_modified(session, event):
    """A session made huis clos (or public again) changes workflow, keeping its state and history."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow = workflow_tool.getWorkflowsFor(session)[0]  # its own; a versé session's chain ends with the lock
    history = getattr(session, "workflow_history", {})
    if workflow.id in history:
        return
    previous = [wf_id for wf_id in ("session_workflow", "closed_session_workflow") if wf_id in history]
    if not previous:
        return
    history[workflow.id] = history[previous[0]]
    del history[previous[0]]
    session.workflow_history = history
    workflow.updateRoleMappingsFor(session)
    session.reindexObjectSecurity()
