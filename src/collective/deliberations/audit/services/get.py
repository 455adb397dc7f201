"""GET @audit-log?user=&action=&since=&until=&path=&b_start=&b_size=: the entries, batched as plone.restapi does."""

from collective.deliberations.audit.actions import label
from collective.deliberations.audit.query import read_filters
from collective.deliberations.audit.query import search
from collective.deliberations.services.errors import refusing_bad_input
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
from zope.i18n import translate


class AuditLogGet(Service):
    @refusing_bad_input
    def reply(self):
        results = search(read_filters(self.request.form))
        batch = HypermediaBatch(self.request, results)
        reply = {"@id": batch.canonical_url, "items_total": batch.items_total, "items": [self.item(e) for e in batch]}
        if batch.links:
            reply["batching"] = batch.links
        return reply

    def item(self, entry):
        return {**entry, "label": translate(label(entry["action"]), context=self.request)}
