"""The page of a service: its agents and validators, its deliberations grouped by state (catalog only)."""

from collective.deliberations.browser import utils
from plone import api
from Products.Five.browser import BrowserView


PER_STATE = 20


class ServiceView(BrowserView):
    def agents(self):
        return sorted((utils.fullname(user_id) for user_id in self.context.agents or ()), key=str.lower)

    def validators(self):
        return sorted((utils.fullname(user_id) for user_id in self.context.validators or ()), key=str.lower)

    def by_state(self):
        """One group per state holding deliberations the user may see: the latest changed first, and a count."""
        titles = utils.state_titles(self.request)
        groups = []
        for state in utils.DELIBERATION_STATES:
            brains = api.content.find(
                context=self.context,
                portal_type="Deliberation",
                review_state=state,
                sort_on="modified",
                sort_order="descending",
                sort_limit=PER_STATE,
            )
            total = getattr(brains, "actual_result_count", len(brains))
            if not total:
                continue
            groups.append(
                {
                    "state": utils.badge(state, titles),
                    "total": total,
                    "more": total > PER_STATE,
                    "rows": [
                        {
                            "title": brain.Title,
                            "url": brain.getURL(),
                            "modified": utils.localized(brain.modified, long_format=False),
                        }
                        for brain in brains[:PER_STATE]
                    ],
                }
            )
        return groups

    def can_add_deliberation(self):
        return utils.can_add(self.context, "collective.deliberations: Add Deliberation")
