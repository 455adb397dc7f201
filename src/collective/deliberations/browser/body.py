"""The page of an assembly or a commission: its sessions to come and past, its members, its commissions."""

from collective.deliberations import _
from collective.deliberations.browser import utils
from collective.deliberations.content.membership import memberships
from collective.deliberations.vocabularies.choices import MEMBER_ROLES
from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView


PAST_SESSIONS = 20
ROLE_ORDER = {term.value: position for position, term in enumerate(MEMBER_ROLES)}


class BodyView(BrowserView):
    def kind(self):
        kind = getattr(self.context, "body_kind", None)
        if self.context.portal_type == "Commission":
            return utils.tr(_("Commission"), self.request)
        return utils.term_title("collective.deliberations.BodyKinds", kind, self.context, self.request)

    def _sessions(self, **query):
        titles = utils.state_titles(self.request)
        brains = api.content.find(context=self.context, depth=1, portal_type="Session", **query)
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "date": utils.localized(brain.start),
                "state": utils.badge(brain.review_state, titles),
            }
            for brain in brains
        ]

    def upcoming_sessions(self):
        now = DateTime()
        return self._sessions(start={"query": now, "range": "min"}, sort_on="start")

    def past_sessions(self):
        now = DateTime()
        return self._sessions(
            start={"query": now, "range": "max"},
            sort_on="start",
            sort_order="descending",
            sort_limit=PAST_SESSIONS,
        )[:PAST_SESSIONS]

    def members(self):
        """The current members, by role then name."""
        rows = [
            {
                "name": membership.member_name(),
                "role": utils.term_title(
                    "collective.deliberations.MemberRoles", membership.member_role, self.context, self.request
                ),
                "order": ROLE_ORDER.get(membership.member_role, len(ROLE_ORDER)),
                "voting": membership.voting_right,
            }
            for membership in memberships(self.context)
            if membership.is_current()
        ]
        return sorted(rows, key=lambda row: (row["order"], row["name"].lower()))

    def commissions(self):
        """The commissions the user may see (each is private to its members and the secretariat)."""
        if self.context.portal_type != "Assembly":
            return []
        brains = api.content.find(context=self.context, depth=1, portal_type="Commission", sort_on="sortable_title")
        return [{"title": brain.Title, "url": brain.getURL()} for brain in brains]

    def can_add(self, portal_type):
        permission = f"collective.deliberations: Add {portal_type}"
        return all(api.user.has_permission(name, obj=self.context) for name in ("Add portal content", permission))
