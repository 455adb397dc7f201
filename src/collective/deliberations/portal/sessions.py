"""@@seances-publiques: the agendas of the coming public sessions, as convened (L2121-10). A planned session, a
huis clos one or one the visitor may not see never appears: the catalog filters by permission. Below them, the past
séances with their published liste des délibérations and procès-verbal (past_sessions.py), batched."""

from collective.deliberations.browser import utils
from collective.deliberations.portal.past_sessions import PAGE
from collective.deliberations.portal.past_sessions import past_sessions
from collective.deliberations.validation import batch_start
from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode


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

    def past(self):
        """The page of past séances (``b_start``) and its previous / next links."""
        start = batch_start(self.request.form)
        rows, total = past_sessions(start)
        base = f"{api.portal.get().absolute_url()}/@@seances-publiques"

        def link(position):
            return f"{base}?{urlencode({'b_start': position})}#seances-passees"

        return {
            "sessions": rows,
            "total": total,
            "previous": link(max(start - PAGE, 0)) if start > 0 else None,
            "next": link(start + PAGE) if start + PAGE < total else None,
        }
