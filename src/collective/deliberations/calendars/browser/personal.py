"""An official's personal calendar: @@calendrier-personnel/<token>.ics (GET, no login: the secret address is the
credential; an unknown or revoked token finds nothing, 404) and @@mon-calendrier, where the official logged in
makes a new address (shown once: only its hash is kept) or revokes it (POST, CSRF-checked)."""

from collective.deliberations.calendars.feed import calendar
from collective.deliberations.calendars.personal import member_sessions
from collective.deliberations.calendars.tokens import has_token
from collective.deliberations.calendars.tokens import issue
from collective.deliberations.calendars.tokens import owner
from collective.deliberations.calendars.tokens import revoke
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class PersonalCalendar(BrowserView):
    token = None

    def publishTraverse(self, request, name):
        if self.token is not None:
            raise NotFound(name)
        self.token = name.removesuffix(".ics")
        return self

    def __call__(self):
        userid = owner(self.token)
        if userid is None or self.request.method not in ("GET", "HEAD"):
            raise NotFound("calendrier-personnel")
        body = calendar(member_sessions(userid), f"Mes séances — {api.portal.get().Title()}")
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Cache-Control", "private, no-store")
        response.setHeader("Referrer-Policy", "no-referrer")
        return body


class MyCalendarView(BrowserView):
    address = None

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("@@mon-calendrier")
        userid = api.user.get_current().getId()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if "generate" in self.request.form:
                token = issue(userid)
                self.address = f"{api.portal.get().absolute_url()}/@@calendrier-personnel/{token}.ics"
            elif "revoke" in self.request.form:
                revoke(userid)
        return self.index()

    def active(self):
        return has_token(api.user.get_current().getId())
