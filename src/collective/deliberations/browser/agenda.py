"""Move an agenda item one place up or down: the secretariat's buttons on the session page."""

from AccessControl import Unauthorized
from collective.deliberations import _
from collective.deliberations.browser.session import can_manage_agenda
from plone import api
from plone.protect.authenticator import check
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zExceptions import MethodNotAllowed


DELTAS = {"up": -1, "down": 1}


class MoveAgendaItem(BrowserView):
    """POST item=<id>, direction=up|down, _authenticator. The view itself needs Manage agenda (ZCML)."""

    def __call__(self):
        if self.request.method != "POST":
            raise MethodNotAllowed("POST only")
        check(self.request)
        session = self.context
        if not can_manage_agenda(session):
            raise Unauthorized("This agenda can no longer change.")
        ids = [item.getId() for item in session.agenda()]
        item_id = self.request.form.get("item")
        delta = DELTAS.get(self.request.form.get("direction"))
        if item_id not in ids or delta is None:
            raise BadRequest("Unknown agenda item or direction.")
        # Relative to the agenda items only: the session's documents are children too. The ordering notifies
        # the container's modification itself.
        if session.moveObjectsByDelta([item_id], delta, subset_ids=ids):
            api.portal.show_message(_("The agenda order has changed."), request=self.request)
        self.request.response.redirect(f"{session.absolute_url()}#agenda-{item_id}")
        return ""
