"""The officials' extranet: "Mes séances" (every body they sit in, one list) and the dossier of one session."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.convocation.browser.dossier import DossierBase
from collective.deliberations.convocation.followup import local
from collective.deliberations.convocation.ical import aware
from collective.deliberations.convocation.share import shared_uids
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import now
from plone import api
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized


class DossierView(DossierBase):
    """@@dossier of a session, for whoever may View it; a recipient also answers here, and the page's script posts
    their accusé de lecture once the page is displayed."""

    def __call__(self):
        self.prepare()
        if self.request.method == "POST" and "reading" in self.request.form:
            self.request.response.setStatus(204)  # the page's script: nothing to show
            return ""
        return self.index()

    def prepare(self):
        self.session = self.context
        convocation = get_convocation(self.context)
        user = api.user.get_current()
        self.recipient = convocation.get(user.getId()) if convocation is not None else None
        self.handle()

    def document_url(self, obj):
        return f"{obj.absolute_url()}/@@download/file"

    def allowed(self):
        """The documents of the session and of its items' deliberations this user may View (the catalog filters by
        permission): an official the publishable ones, the secretariat its internal notes too."""
        paths = ["/".join(self.session.getPhysicalPath())]
        for item in self.session.agenda():
            deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
            if deliberation is not None:
                paths.append("/".join(deliberation.getPhysicalPath()))
        return {brain.UID for brain in api.content.find(portal_type="File", path={"query": paths, "depth": 1})}

    def link_url(self):
        return f"{self.context.absolute_url()}/@@dossier"

    def file_url(self, name):
        return f"{self.context.absolute_url()}/@@{name}"

    def share_url(self, obj):
        if api.user.has_permission("collective.deliberations: Manage agenda", obj=obj):
            return f"{obj.absolute_url()}/@@partager"
        return None


class MySessionsView(BrowserView):
    """@@mes-seances: the sessions, upcoming then past, of every body where the user holds or held a seat."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("@@mes-seances")
        return self.index()

    def bodies(self):
        """The bodies where the user holds or held a seat, by UID."""
        userid = api.user.get_current().getId()
        bodies = {}
        for brain in api.content.find(portal_type="Membership", unrestricted=True):
            membership = brain._unrestrictedGetObject()
            if membership.member == userid:
                body = aq_parent(aq_inner(membership))
                bodies[body.UID()] = body
        return bodies

    def shared(self):
        """The documents shared with the user's bodies before a convocation, those the user may View."""
        rows = []
        for body in self.bodies().values():
            uids = shared_uids(body)
            for brain in api.content.find(UID=uids, portal_type="File") if uids else []:
                rows.append({"title": brain.Title, "body": body.Title(), "url": f"{brain.getURL()}/@@download/file"})
        return rows

    def sessions(self):
        userid = api.user.get_current().getId()
        bodies = self.bodies()
        current = now()
        upcoming, past = [], []
        for brain in api.content.find(portal_type="Session", sort_on="start"):
            session = brain.getObject()
            body = aq_parent(aq_inner(session))
            if body.UID() not in bodies:
                continue
            convocation = get_convocation(session)
            recipient = convocation.get(userid) if convocation is not None else None
            answer = recipient.answer() if recipient is not None else None
            row = {
                "title": session.Title(),
                "body": body.Title(),
                "date": local(session.start),
                "place": session.place or "",
                "url": f"{session.absolute_url()}/@@dossier",
                "state": brain.review_state,
                "opened": recipient is not None and recipient.first_opened_at is not None,
                "answered": answer is not None,
                "items": len(session.agenda()),
            }
            (upcoming if aware(session.start) >= current else past).append(row)
        return {"upcoming": upcoming, "past": list(reversed(past))}
