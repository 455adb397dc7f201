"""GET <site>/@open-data/deliberations: the rows of SCDL Délibérations (../scdl.py) as JSON, for everyone; the same
rows as @@open-data/deliberations.csv, a page at a time (b_start, b_size; `next` links the following page), an
empty value as null."""

from collective.deliberations.opendata.scdl import FIELDS
from collective.deliberations.opendata.scdl import rows
from plone.restapi.services import Service
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import itertools


PAGE = 1000
MAX = 5000


@implementer(IPublishTraverse)
class GetDeliberations(Service):
    name = None

    def publishTraverse(self, request, name):
        if self.name is None:
            self.name = name
            return self
        raise NotFound(name)

    def reply(self):
        if self.name != "deliberations":
            raise NotFound(self.name)
        start, size = self.bounds()
        found = list(itertools.islice(rows(), start, start + size + 1))
        url = f"{self.context.absolute_url()}/@open-data/deliberations"
        return {
            "@id": url,
            "schema": "https://schema.data.gouv.fr/scdl/deliberations/2.1.5/",
            "csv": f"{self.context.absolute_url()}/@@open-data/deliberations.csv",
            "fields": list(FIELDS),
            "items": [{name: value if value != "" else None for name, value in item.items()} for item in found[:size]],
            "next": f"{url}?b_start={start + size}&b_size={size}" if len(found) > size else None,
        }

    def bounds(self):
        """A page of rows (b_start, b_size up to MAX): a client walks the 100,000 acts of a large collectivité."""
        try:
            start = max(int(self.request.form.get("b_start", 0)), 0)
            size = min(max(int(self.request.form.get("b_size", PAGE)), 1), MAX)
        except (TypeError, ValueError):
            start, size = 0, PAGE
        return start, size
