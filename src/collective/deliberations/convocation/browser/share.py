"""@@partager on a document: the secretariat shares it with the members of a body before the convocation (or
stops sharing it). REST: GET/POST @share on the document."""

from collective.deliberations.convocation.share import apply
from collective.deliberations.convocation.share import state
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate


class ShareView(BrowserView):
    error = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            refusal = apply(self.context, form.get("body", ""), form.get("shared") == "1")
            if refusal is not None:
                self.error = translate(refusal, context=self.request)
                self.request.response.setStatus(400)
            else:
                api.portal.show_message(
                    translate("msg_share_saved", domain="collective.deliberations", context=self.request,
                              default="Saved: the members of the body see it at once."),
                    self.request,
                )  # fmt: skip
        return self.index()

    def bodies(self):
        return state(self.context)

    def internal(self):
        return api.content.get_state(self.context) == "internal"
