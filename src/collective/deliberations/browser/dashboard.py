"""What each person has to do, one section per thing they may do. Catalog queries and brains' metadata only:
the page stays fast with thousands of deliberations (services and bodies, a few dozen, are the only objects read)."""

from AccessControl import Unauthorized
from collective.deliberations import _
from collective.deliberations.browser import utils
from functools import cached_property
from plone import api
from Products.Five.browser import BrowserView


LIMIT = 50
ADD_DELIBERATION = "collective.deliberations: Add Deliberation"
REVIEW = "Review portal content"
MANAGE_AGENDA = "collective.deliberations: Manage agenda"


def parent_path(brain):
    return brain.getPath().rsplit("/", 1)[0]


class DashboardView(BrowserView):
    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your dashboard.")
        return self.index()

    @cached_property
    def titles(self):
        return utils.state_titles(self.request)

    def _services_where(self):
        """{permission: [paths of the services where the user holds it]}, for the two permissions of services."""
        found = {ADD_DELIBERATION: [], REVIEW: []}
        for brain in api.content.find(portal_type="Service"):
            service = brain.getObject()
            for permission, paths in found.items():
                if api.user.has_permission(permission, obj=service):
                    paths.append(brain.getPath())
        return found

    def _parents(self, portal_types):
        """{path: title} of the services or bodies: their titles label the rows."""
        brains = api.content.find(portal_type=portal_types, unrestricted=True)
        return {brain.getPath(): brain.Title for brain in brains}

    def _section(self, section_id, title, empty, brains, kind="deliberations"):
        total = getattr(brains, "actual_result_count", len(brains))
        parents = self._parents(["Service"] if kind == "deliberations" else ["Assembly", "Commission"])
        rows = []
        for brain in brains[:LIMIT]:
            row = {
                "title": brain.Title,
                "url": brain.getURL(),
                "state": utils.badge(brain.review_state, self.titles),
                "parent": parents.get(parent_path(brain), ""),
            }
            if kind == "sessions":
                row["date"] = utils.localized(brain.start)
            else:
                row["date"] = utils.localized(brain.modified, long_format=False)
            rows.append(row)
        return {
            "id": section_id,
            "title": title,
            "empty": empty,
            "kind": kind,
            "rows": rows,
            "total": total,
            "more": total > len(rows),
        }

    def _find(self, sort_order="ascending", **query):
        return api.content.find(sort_order=sort_order, sort_limit=LIMIT, **query)

    def _publications(self):
        """The procès-verbaux and lists of deliberations whose one-week publication deadline nears or passed."""
        from collective.deliberations.seance.deadlines import pending_publications

        bodies = self._parents(["Assembly", "Commission"])
        rows = []
        for brain, row in pending_publications():
            late = _("publication_late", default="Late") if row["late"] else _("publication_due", default="Due soon")
            rows.append({
                "title": row["title"],
                "url": f"{brain.getURL()}/@@publication",
                "state": {"id": "late" if row["late"] else "due", "title": utils.tr(late, self.request),
                          "css": "text-bg-danger" if row["late"] else "text-bg-warning"},
                "parent": bodies.get(parent_path(brain), ""),
                "date": utils.localized(row["due"], long_format=False),
            })  # fmt: skip
        return {
            "id": "publications", "title": _("Publications due"), "kind": "publications", "rows": rows,
            "empty": _("No procès-verbal or list of deliberations is late."), "total": len(rows), "more": False,
        }  # fmt: skip

    def sections(self):
        sections = []
        user_id = api.user.get_current().getId()
        services = self._services_where()
        if services[ADD_DELIBERATION]:
            brains = self._find(
                portal_type="Deliberation", Creator=user_id, sort_on="modified", sort_order="descending"
            )
            sections.append(self._section("my-drafts", _("My drafts"), _("You have written no draft yet."), brains))
        review_paths = services[REVIEW]
        if review_paths:
            brains = self._find(
                portal_type="Deliberation", review_state="proposed", path={"query": review_paths}, sort_on="modified"
            )
            sections.append(self._section("to-validate", _("To validate"), _("Nothing to validate."), brains))
        secretariat = api.user.has_permission(MANAGE_AGENDA, obj=api.portal.get())
        if secretariat:
            brains = self._find(portal_type="Deliberation", review_state="validated", sort_on="modified")
            sections.append(
                self._section(
                    "awaiting-session",
                    _("Awaiting a session"),
                    _("No validated deliberation waits for a session."),
                    brains,
                )
            )
        publications = self._publications() if secretariat else None
        if publications and publications["rows"]:
            sections.append(publications)
        brains = self._find(portal_type="Session", review_state=["planned", "convened"], sort_on="start")
        if secretariat or len(brains):
            sections.append(
                self._section(
                    "upcoming-sessions", _("Upcoming sessions"), _("No upcoming session."), brains, kind="sessions"
                )
            )
        return sections
