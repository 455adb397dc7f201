"""@@convocation-rappels: GET shows what is due and a button; POST sends (cron, with its Basic credentials, or the
button, with the site's token). No GET changes anything."""

from collective.deliberations.convocation.reminders import due_sessions
from collective.deliberations.convocation.reminders import send_reminders
from collective.deliberations.security.csrf import refuse_forged_change
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.interface import alsoProvides


class RemindersView(BrowserView):
    confirm = ViewPageTemplateFile("templates/reminders.pt")

    def __call__(self):
        if self.request.method != "POST":
            return self.confirm()
        refuse_forged_change(self.request)
        alsoProvides(self.request, IDisableCSRFProtection)  # proven above: its own credentials or this site's token
        sessions = send_reminders()
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return "\n".join([f"{len(sessions)} rappel(s)"] + [s.absolute_url() for s in sessions]) + "\n"

    def due(self):
        return due_sessions()
