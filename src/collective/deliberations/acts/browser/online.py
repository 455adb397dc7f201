"""The date of putting online where the act is (R2131-1): the published deliberation's own page (its default view)
shows it below its title, as the portal's act page does; nothing before publication."""

from collective.deliberations.acts.online import online_date
from collective.deliberations.browser import utils
from plone.app.layout.viewlets import ViewletBase


DEFAULT_VIEWS = ("view", "deliberation-view", "")


class OnlineDate(ViewletBase):
    def update(self):
        super().update()
        self.date = online_date(self.context)

    def localized(self):
        return utils.localized(self.date, long_format=False)

    def render(self):
        if self.date is None or getattr(self.view, "__name__", "") not in DEFAULT_VIEWS:
            return ""
        return super().render()
