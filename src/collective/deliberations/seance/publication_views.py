"""The page *Procès-verbal et liste* of a session (@@publication) and its REST twin (GET/POST @publication)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.browser import utils
from collective.deliberations.documents.writing import json_file
from collective.deliberations.seance import deadlines
from collective.deliberations.seance import minutes
from collective.deliberations.seance import publication
from collective.deliberations.seance import refuse
from collective.deliberations.seance import SeanceError
from collective.deliberations.seance.liste import french_date
from collective.deliberations.seance.services import _Recording
from plone import api
from plone.protect import CheckAuthenticator
from plone.restapi.services import Service
from Products.Five.browser import BrowserView

import datetime
import transaction


def waiting_approval(later):
    """Earlier sessions of the same body whose draft PV waits to be approved."""
    body = aq_parent(aq_inner(later))
    return [
        session
        for session in body.objectValues()
        if session.portal_type == "Session"
        and session.start < later.start
        and session.get(minutes.FILE_ID) is not None
        and not publication.publication_state(session)["minutes"]["approved"]
    ]


def do(session, action, data=None, filename=None, form=None):
    """One step of the publication; ``form`` holds the other fields (minutes_of, signatures)."""
    form = form or {}
    if action == "draft":
        return publication.replace_draft(session, data, filename)
    if action == "approve":
        earlier = api.content.get(UID=form.get("minutes_of")) if form.get("minutes_of") else None
        return publication.approve_minutes(session, earlier)
    if action == "sign":
        return publication.sign_minutes(session, data, filename, signatures=bool(form.get("signatures")))
    if action == "publish":
        return publication.publish_minutes(session)
    if action == "publish-liste":
        return publication.publish_liste(session)
    if action == "rectify-liste":
        return publication.rectify_liste(session)
    refuse(_("pv_unknown_action", default="Unknown action: ${action}.", mapping={"action": str(action)}))


class PublicationView(BrowserView):
    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("action"):
            CheckAuthenticator(self.request)
            upload = form.get("file")
            data = upload.read() if upload and hasattr(upload, "read") else None
            filename = getattr(upload, "filename", None)
            try:
                do(self.context, form["action"], data, filename, form)
                api.portal.show_message(_("msg_publication_recorded", default="Recorded."), self.request)
            except SeanceError as error:
                transaction.doom()
                api.portal.show_message(error.message, self.request, type="error")
            self.request.response.redirect(f"{self.context.absolute_url()}/@@publication")
            return ""
        return self.index()

    def state(self):
        return publication.publication_state(self.context)

    def date(self, iso):
        return utils.localized(datetime.datetime.fromisoformat(iso), long_format="T" in iso) if iso else ""

    def waiting(self):
        return [
            {"uid": s.UID(), "title": f"Procès-verbal de la séance du {french_date(s.start)}"}
            for s in waiting_approval(self.context)
        ]

    def warnings(self):
        return deadlines.deadlines(self.context)


class GetPublication(Service):
    def reply(self):
        return {"@id": f"{self.context.absolute_url()}/@publication", **publication.publication_state(self.context)}


class PostPublication(_Recording):
    def record(self, body):
        data, filename = json_file(body)
        do(self.context, body.get("action"), data, filename, body)
        return {"@id": f"{self.context.absolute_url()}/@publication", **publication.publication_state(self.context)}
