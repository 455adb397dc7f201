"""@@convene: the secretariat convenes a session; what is missing is said before, and again if refused."""

from collective.deliberations.convocation.checks import missing
from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zope.i18n import translate


class ConveneView(BrowserView):
    error = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("convene"):
            CheckAuthenticator(self.request)
            kwargs = {"comment": form.get("comment", "").strip()}
            if form.get("override_reason", "").strip():
                kwargs["override_reason"] = form["override_reason"].strip()
            try:
                api.portal.get_tool("portal_workflow").doActionFor(self.context, "convene", **kwargs)
            except WorkflowException as error:
                self.error = str(error)
                self.request.response.setStatus(400)
            else:
                api.portal.show_message(
                    translate("msg_convened", domain="collective.deliberations", context=self.request,
                              default="Convened: the messages leave now."),
                    self.request,
                )  # fmt: skip
                return self.request.response.redirect(f"{self.context.absolute_url()}/@@convocation-suivi")
        return self.index()

    def state(self):
        return api.content.get_state(self.context)

    def problems(self):
        form = self.request.form
        return [translate(p, context=self.request) for p in missing(self.context, form.get("comment", ""))]

    def is_manager(self):
        return "Manager" in api.user.get_roles(obj=self.context)

    def urgency(self):
        return self.context.session_kind == "urgence"
