"""@@seances-publiques.ics: the public séances as an iCalendar feed, anonymous, GET only, no state change."""

from collective.deliberations.calendars.feed import calendar
from collective.deliberations.calendars.feed import public_sessions
from plone import api
from Products.Five.browser import BrowserView


class PublicCalendar(BrowserView):
    def __call__(self):
        body = calendar(public_sessions(), f"Séances publiques — {api.portal.get().Title()}")
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", 'inline; filename="seances-publiques.ics"')
        return body
