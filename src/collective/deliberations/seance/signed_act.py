"""The signed act attached after adoption. The adopted text is closed to the secretariat (only Managers modify an
adopted act): the narrow permission *Attach signed act*, given by the deliberation workflow to the secretariat once
the act is adopted, lets it add or replace the signed PDF, and nothing else (page @@acte-signe, POST @signed-act)."""

from collective.deliberations import _
from collective.deliberations.seance import refuse
from collective.deliberations.seance import SeanceError
from collective.deliberations.seance.actes_services import bad_request
from collective.deliberations.seance.actes_services import status
from collective.deliberations.seance.files import json_file
from collective.deliberations.seance.files import write_document
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from zope.interface import alsoProvides

import transaction


FILE_ID = "acte-signe"


def attach_signed_act(deliberation, data, filename=None):
    if api.content.get_state(deliberation) not in ("adopted", "published"):
        refuse(_("signed_act_not_adopted", default="The signed act is attached once the act is adopted."))
    if not data or not data.startswith(b"%PDF"):
        refuse(_("signed_act_not_pdf", default="The signed act must be a PDF file."))
    blob = NamedBlobFile(data, contentType="application/pdf", filename=filename or f"{FILE_ID}.pdf")
    title = f"Acte signé n° {deliberation.number}" if deliberation.number else "Acte signé"
    return write_document(deliberation, FILE_ID, blob, title, "acte", publishable=True)


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
            except SeanceError as error:
                transaction.doom()
                api.portal.show_message(error.message, self.request, type="error")
            else:
                api.portal.show_message(_("msg_signed_act_attached", default="Signed act attached."), self.request)
        self.request.response.redirect(url)
        return ""


class PostSignedAct(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_body(self.request) or {}
        try:
            data, filename = json_file(body if isinstance(body, dict) else {})
            document = attach_signed_act(self.context, data, filename)
        except SeanceError as error:
            return bad_request(self.request, error)
        self.request.response.setStatus(201)
        return {**status(self.context), "signed_act": document.absolute_url()}
