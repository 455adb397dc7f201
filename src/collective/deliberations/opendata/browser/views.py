"""@@open-data: what the collectivité publishes as open data, under which licence, how often, in which schema;
@@open-data/deliberations.csv: the data set itself (SCDL Délibérations, ../scdl.py), for everyone, written to the
response as its rows are read."""

from collective.deliberations.opendata.scdl import csv_lines
from collective.deliberations.opendata.scdl import FIELDS
from collective.deliberations.opendata.scdl import rows
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


CSV_NAME = "deliberations.csv"
SCHEMA_URL = "https://schema.data.gouv.fr/scdl/deliberations/2.1.5/"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
CHUNK = 64 * 1024


@implementer(IPublishTraverse)
class OpenDataView(BrowserView):
    page = ViewPageTemplateFile("templates/opendata.pt")
    file_name = None
    fields = FIELDS
    schema_url = SCHEMA_URL
    licence_url = LICENCE_URL

    def publishTraverse(self, request, name):
        if self.file_name is None and name == CSV_NAME:
            self.file_name = name
            return self
        raise NotFound(name)

    def __call__(self):
        if self.file_name is None:
            return self.page()
        return self.csv()

    def csv_url(self):
        return f"{self.context.absolute_url()}/@@open-data/{CSV_NAME}"

    def csv(self):
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", f'inline; filename="{CSV_NAME}"')
        response.setHeader("Cache-Control", "public, max-age=3600")
        pending = []
        size = 0
        for line in csv_lines(rows()):
            pending.append(line)
            size += len(line)
            if size >= CHUNK:
                response.write("".join(pending).encode("utf-8"))
                pending, size = [], 0
        return "".join(pending).encode("utf-8")
