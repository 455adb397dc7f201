"""REST: GET @conversion on a document gives its conversion status; POST queues it again (after a failure)."""

from collective.deliberations.documents.status import describe
from collective.deliberations.documents.subscribers import queue_conversion
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class ConversionGet(Service):
    def reply(self):
        status = describe(self.context, self.request)
        return {"@id": f"{self.context.absolute_url()}/@conversion", **(status or {"state": None})}


class ConversionPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        queue_conversion(self.context)
        self.request.response.setStatus(202)
        return {"@id": f"{self.context.absolute_url()}/@conversion", **describe(self.context, self.request)}
