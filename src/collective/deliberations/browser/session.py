"""The page of a session: when and where, its numbered agenda, its documents; the secretariat reorders the agenda."""

from collective.deliberations import _
from collective.deliberations.browser import utils
from plone import api
from Products.Five.browser import BrowserView


MANAGE_AGENDA = "collective.deliberations: Manage agenda"


def can_manage_agenda(session):
    """The secretariat's permission, while the session may still change (not once closed or cancelled)."""
    return bool(
        api.user.has_permission(MANAGE_AGENDA, obj=session)
        and api.user.has_permission("Modify portal content", obj=session)
    )


class SessionView(BrowserView):
    def state(self):
        return utils.badge(api.content.get_state(self.context, default=None), utils.state_titles(self.request))

    def date(self):
        return utils.localized(self.context.start)

    def kind(self):
        return utils.term_title(
            "collective.deliberations.SessionKinds", self.context.session_kind, self.context, self.request
        )

    def people(self):
        """President and secretary, when given."""
        rows = []
        pairs = ((_("President"), self.context.president), (_("Secrétaire de séance"), self.context.secretary))
        for label, user_id in pairs:
            if user_id:
                rows.append({"label": label, "name": utils.fullname(user_id)})
        return rows

    def can_manage_agenda(self):
        return can_manage_agenda(self.context)

    def agenda(self):
        """The items in their order, numbered. A deliberation shows its objet only to whom may View it."""
        items = self.context.agenda()
        uids = [item.deliberation for item in items if item.item_kind == "deliberation" and item.deliberation]
        visible = {brain.UID: brain for brain in api.content.find(UID=uids)} if uids else {}
        titles = utils.state_titles(self.request)
        rows = []
        for number, item in enumerate(items, 1):
            row = {
                "number": number,
                "id": item.getId(),
                "kind": None,
                "title": None,
                "url": None,
                "state": None,
                "first": number == 1,
                "last": number == len(items),
            }
            if item.item_kind == "deliberation":
                # The ordre du jour of a session is public to whoever sees the session (CGCT L2121-10): its objets
                # show; the link and the state only to those who may open the deliberation.
                row["title"] = item.Title()
                brain = visible.get(item.deliberation)
                if brain is not None:
                    row.update(title=brain.Title, url=brain.getURL(), state=utils.badge(brain.review_state, titles))
            else:
                row["kind"] = utils.term_title(
                    "collective.deliberations.AgendaItemKinds", item.item_kind, self.context, self.request
                )
                row["title"] = item.Title()
            rows.append(row)
        return rows

    def documents(self):
        return utils.documents(self.context, self.request)

    def can_add_documents(self):
        return utils.can_add(self.context, "plone.app.contenttypes: Add File")

    def can_add_items(self):
        return utils.can_add(self.context, "collective.deliberations: Add AgendaItem")
