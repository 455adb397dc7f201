"""Attendance on the pages: an official's séances and public votes below their membership, and the attendance
rates of a body's members as a bar chart (HTML and Bootstrap, readable on a tablet, each bar labelled in text)."""

from collective.deliberations.browser import utils
from collective.deliberations.seance.attendance_history import body_rates
from collective.deliberations.seance.attendance_history import history
from collective.deliberations.seance.browser import CHOICE_TITLES
from collective.deliberations.seance.browser import STATUS_TITLES
from plone.app.layout.viewlets import ViewletBase

import datetime


DEFAULT_VIEWS = ("view", "body-view", "")


class _OnDefaultView(ViewletBase):
    def render(self):
        if getattr(self.view, "__name__", "") not in DEFAULT_VIEWS:
            return ""
        return super().render()


class MembershipAttendance(_OnDefaultView):
    def update(self):
        super().update()
        self.record = history(self.context)

    def percent(self, rate):
        return "—" if rate is None else f"{round(rate * 100)} %"

    def rows(self):
        rows = []
        for row in reversed(self.record["sessions"]):
            status = row["status"]
            rows.append(
                {
                    "title": row["title"],
                    "url": row["session"],
                    "date": utils.localized(datetime.datetime.fromisoformat(row["start"])) if row["start"] else "",
                    "status": utils.tr(STATUS_TITLES[status], self.request) if status in STATUS_TITLES else "—",
                    "votes": [
                        {"title": vote["title"], "vote": utils.tr(CHOICE_TITLES[vote["vote"]], self.request)}
                        for vote in row["public_votes"]
                    ],
                }
            )
        return rows


class BodyAttendanceChart(_OnDefaultView):
    def update(self):
        super().update()
        self.rows = [dict(row, percent=round((row["rate"] or 0) * 100)) for row in body_rates(self.context)]
        self.any_held = any(row["held"] for row in self.rows)
