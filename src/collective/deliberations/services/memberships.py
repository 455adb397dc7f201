"""POST @sync-memberships: bring every body's group in line with today's memberships (for a daily cron job)."""

from collective.deliberations.security.groups import sync_all_bodies
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class SyncMemberships(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        return {"bodies": sync_all_bodies()}
