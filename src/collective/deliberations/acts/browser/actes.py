"""The @ctes page of an act for the secretariat: its package to download, the préfecture's acknowledgement to
upload, whether the act is exécutoire, and the form that attaches the signed act (@@acte-signe)."""

from collective.deliberations import _
from collective.deliberations.acts.actes import acknowledgement
from collective.deliberations.acts.actes import check
from collective.deliberations.acts.actes import INDIVIDUAL
from collective.deliberations.acts.actes import is_executoire
from collective.deliberations.acts.actes import notification
from collective.deliberations.acts.actes import package
from collective.deliberations.acts.actes import record_acknowledgement
from collective.deliberations.acts.actes import record_notification
from collective.deliberations.acts.actes import set_subject_to_control
from collective.deliberations.acts.actes import subject_to_control
from collective.deliberations.acts.signed import attach_signed_act
from collective.deliberations.acts.signed import FILE_ID
from collective.deliberations.validation import Refusal
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

import transaction


def _acknowledge(act, form):
    upload = form.get("ar_acte")
    record_acknowledgement(act, upload.read() if hasattr(upload, "read") else (upload or b""))


ACTIONS = {
    "acknowledgement": _acknowledge,
    "control": lambda act, form: set_subject_to_control(act, form.get("subject_to_control") == "1"),
    "notification": lambda act, form: record_notification(act, form.get("notified")),
}
MESSAGES = {
    "acknowledgement": _("msg_ar_recorded", default="Acknowledgement recorded."),
    "control": _("msg_publication_recorded", default="Recorded."),
    "notification": _("msg_publication_recorded", default="Recorded."),
}


class ActesView(BrowserView):
    def __call__(self):
        form = self.request.form
        action = form.get("action")
        if self.request.method == "POST" and action in ACTIONS:
            CheckAuthenticator(self.request)
            try:
                ACTIONS[action](self.context, form)
            except Refusal as error:
                transaction.doom()
                api.portal.show_message(error.message, self.request, type="error")
            else:
                api.portal.show_message(MESSAGES[action], self.request)
                self.request.response.redirect(f"{self.context.absolute_url()}/@@actes")
                return ""
        return self.index()

    def subject_to_control(self):
        return subject_to_control(self.context)

    def individual(self):
        return self.context.nature == INDIVIDUAL

    def notified(self):
        return notification(self.context)

    def problem(self):
        """Why the package cannot be made yet, or None."""
        try:
            check(self.context)
        except Refusal as error:
            return error.translated(self.request)
        return None

    def acknowledgement(self):
        ack = acknowledgement(self.context)
        return dict(ack) if ack is not None else None

    def can_attach(self):
        return api.user.has_permission("collective.deliberations: Attach signed act", obj=self.context)

    def signed_act(self):
        return self.context.get(FILE_ID)

    def executoire(self):
        return is_executoire(self.context)


class ActesPackage(BrowserView):
    """The tar.gz itself, for the page's download button."""

    def __call__(self):
        try:
            filename, data = package(self.context)
        except Refusal as error:
            api.portal.show_message(error.message, self.request, type="error")
            self.request.response.redirect(f"{self.context.absolute_url()}/@@actes")
            return ""
        self.request.response.setHeader("Content-Type", "application/gzip")
        self.request.response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        return data


class SignedActForm(BrowserView):
    """The upload form of the @ctes page posts here."""

    def __call__(self):
        url = f"{self.context.absolute_url()}/@@actes"
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            upload = self.request.form.get("file")
            data = upload.read() if hasattr(upload, "read") else None
            try:
                attach_signed_act(self.context, data, getattr(upload, "filename", None))
            except Refusal as error:
                transaction.doom()
                api.portal.show_message(error.message, self.request, type="error")
            else:
                api.portal.show_message(_("msg_signed_act_attached", default="Signed act attached."), self.request)
        self.request.response.redirect(url)
        return ""
