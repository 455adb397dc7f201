"""@@seances-publiques: the agendas of the coming public sessions, as convened (L2121-10). A planned session, a
huis clos one or one the visitor may not see never appears: the catalog filters by permission."""

from collective.deliberations.browser import utils
from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView


class PublicSessionsView(BrowserView):
    def sessions(self):
        brains = api.content.find(
            portal_type="Session",
            review_state="convened",
            start={"query": DateTime(), "range": "min"},
            sort_on="start",
        )
        rows = []
        for brain in brains:
            session = brain.getObject()
            if not getattr(session, "public", True):
                continue
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "date": utils.localized(session.start),
                    "place": session.place,
                    "body": session.aq_parent.Title(),
                    "agenda": [
                        self.item_title(item) for item in session.agenda() if api.user.has_permission("View", obj=item)
                    ],
                }
            )
        return rows

    def item_title(self, item):
        """The objet of the agenda item: its deliberation's title (the objet is public once convened)."""
        uid = getattr(item, "deliberation", None)
        if uid:
            found = api.content.find(UID=uid, unrestricted=True)
            if found:
                return found[0].Title
        return item.Title()
