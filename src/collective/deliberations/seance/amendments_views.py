"""The amendments of a deliberation: GET @amendments (REST) and the page @@amendements, for whoever sees it."""

from collective.deliberations import _
from collective.deliberations.seance.amendments import amendments
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from zope.i18n import translate


class GetAmendments(Service):
    def reply(self):
        return {"@id": f"{self.context.absolute_url()}/@amendments", "amendments": amendments(self.context)}


class AmendmentsView(BrowserView):
    LABELS = {"title": _("Objet"), "expose": _("Exposé des motifs"), "dispositif": _("Dispositif")}

    def amendments(self):
        return amendments(self.context)

    def rows(self):
        found = self.amendments() or {"changed": {}}
        return [
            {"field": name, "label": translate(self.LABELS[name], context=self.request), "diff": diff}
            for name, diff in found["changed"].items()
        ]
