"""POST @workflow/<transition> on our types: a transition that is not possible says why, in words."""

from collective.deliberations import _
from plone.restapi.services.workflow.transition import WorkflowTransition
from zope.i18n import translate


class ExplainedWorkflowTransition(WorkflowTransition):
    def reply(self):
        if self.transition is not None:
            workflow = self.wftool
            state_id = workflow.getInfoFor(self.context, "review_state", None)
            state = state_id
            for wf in workflow.getWorkflowsFor(self.context):
                if state_id in wf.states:
                    state = translate(wf.states[state_id].title, domain="plone", context=self.request)
            available = [t["id"] for t in workflow.getTransitionsFor(self.context)]
            if self.transition not in available and not self.is_same_state(self.context):
                known = any(self.transition in wf.transitions for wf in workflow.getWorkflowsFor(self.context))
                message = _(
                    "error_transition_not_possible",
                    default="« ${transition} » is not possible for you now (state: ${state}). Possible: ${available}.",
                    mapping={
                        "transition": self.transition,
                        "state": state,
                        "available": ", ".join(available) or "—",
                    },
                )
                if not known:
                    message = _(
                        "error_transition_unknown",
                        default="« ${transition} » is no transition of this item.",
                        mapping={"transition": self.transition},
                    )
                self.request.response.setStatus(400)
                return {"error": {"type": "WorkflowException", "message": translate(message, context=self.request)}}
        return super().reply()
