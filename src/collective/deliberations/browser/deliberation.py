"""The page of a deliberation: what it decides, who carries it, where it is voted, its documents."""

from Acquisition import aq_inner
from collective.deliberations.browser import utils
from collective.deliberations.richtext import safe_output
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.Five.browser import BrowserView


class DeliberationView(BrowserView):
    def state(self):
        return utils.badge(api.content.get_state(self.context, default=None), utils.state_titles(self.request))

    def nature(self):
        return utils.term_title("collective.deliberations.Natures", self.context.nature, self.context, self.request)

    def service(self):
        """The service that wrote it: its title always, a link only for those who may see the service."""
        service = self.context.service()
        if service is None or getattr(service, "portal_type", None) != "Service":
            return None
        visible = api.user.has_permission("View", obj=service)
        return {"title": service.Title(), "url": service.absolute_url() if visible else None}

    def rapporteur(self):
        return utils.fullname(self.context.rapporteur)

    def commissions(self):
        uids = list(self.context.consulted_commissions or ())
        if not uids:
            return []
        brains = api.content.find(UID=uids, portal_type="Commission", unrestricted=True, sort_on="sortable_title")
        return [brain.Title for brain in brains]

    def text(self, name):
        """A rich text, through the safe HTML transform (a plain string set by code too)."""
        value = getattr(aq_inner(self.context), name, None)
        if isinstance(value, str):
            value = RichTextValue(value, "text/html", "text/x-html-safe")
        return safe_output(value, self.context)

    def session(self):
        """The session whose agenda holds it: a link when the user may see the session, else its date only."""
        uid = self.context.session_uid
        if not uid:
            return None
        brains = api.content.find(UID=uid)
        visible = bool(brains)
        if not visible:
            brains = api.content.find(UID=uid, unrestricted=True)
        if not brains:
            return None
        brain = brains[0]
        return {
            "title": brain.Title,
            "url": brain.getURL() if visible else None,
            "date": utils.localized(brain.start),
            "state": utils.badge(brain.review_state, utils.state_titles(self.request)),
        }

    def decision_date(self):
        return utils.localized(self.context.decision_date, long_format=False)

    def documents(self):
        return utils.documents(self.context, self.request)

    def can_add_documents(self):
        return utils.can_add(self.context, "plone.app.contenttypes: Add File")
