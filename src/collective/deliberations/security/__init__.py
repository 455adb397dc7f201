"""Who sees and changes what: workflow chains, groups that follow the bodies and services, derived local roles."""


def force_transition(obj, transition_id, comment=""):
    """Fire a transition that only code may fire (its guard admits Managers only): the agenda schedules a
    deliberation, a document's flags set its state. Events and history are as for any transition."""
    from plone import api

    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow in workflow_tool.getWorkflowsFor(obj):
        if transition_id in workflow.transitions:
            workflow._executeTransition(obj, workflow.transitions[transition_id], {"comment": comment})
            obj.reindexObject()
            return
    raise KeyError(transition_id)
