"""@@audit-log (the Managers' page: filters, paging, retention) and @@audit-log.csv (the same filters, every row)."""

from collective.deliberations import _
from collective.deliberations.audit.actions import ACTIONS
from collective.deliberations.audit.actions import label
from collective.deliberations.audit.query import FIELDS
from collective.deliberations.audit.query import read_filters
from collective.deliberations.audit.query import search
from collective.deliberations.audit.retention import purge_expired
from collective.deliberations.audit.retention import retention_years
from collective.deliberations.audit.retention import set_retention_years
from collective.deliberations.validation import batch_start
from collective.deliberations.validation import InputError
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate

import csv
import io


PAGE_SIZE = 50
COLUMNS = ("date", "user", "fullname", "ip", "action", "label", "path", "uid", "title", "details")


def details_text(entry):
    return "; ".join(f"{key}: {value}" for key, value in sorted(entry["details"].items()))


class AuditLogBase(BrowserView):
    def tr(self, message):
        return translate(message, context=self.request)

    def read(self):
        """The filters and the matching entries; a bad date is said, and nothing is shown."""
        try:
            self.filters = read_filters(self.request.form)
        except InputError as problem:
            self.error = self.tr(problem.message)
            self.filters = {}
            return []
        self.error = None
        return search(self.filters)


class AuditLogView(AuditLogBase):
    def __call__(self):
        self.message = None
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.message = self.apply_retention()
        self.results = self.read()
        if self.error:
            self.request.response.setStatus(400)
        self.start = min(batch_start(self.request.form), max(len(self.results) - 1, 0))
        return self.index()

    def apply_retention(self):
        try:
            if self.request.form.get("years"):
                set_retention_years(self.request.form["years"])
            if self.request.form.get("purge"):
                removed, _stripped = purge_expired()
                return self.tr(_("audit_purged", default="${count} entries removed.", mapping={"count": removed}))
        except InputError as problem:
            self.request.response.setStatus(400)
            return self.tr(problem.message)
        return self.tr(_("audit_retention_saved", default="Retention saved."))

    def page(self):
        return [self.row(entry) for entry in self.results[self.start : self.start + PAGE_SIZE]]

    def row(self, entry):
        return {**entry, "label": self.tr(label(entry["action"])), "details_text": details_text(entry)}

    def actions(self):
        return sorted(((code, self.tr(message)) for code, message in ACTIONS.items()), key=lambda pair: pair[1])

    def value(self, field):
        value = self.filters.get(field)
        return value.isoformat() if hasattr(value, "isoformat") else value or ""

    def link(self, start, name="audit-log"):
        query = {field: self.value(field) for field in FIELDS if self.value(field)}
        return f"{self.context.absolute_url()}/@@{name}?{urlencode({'b_start': start, **query})}"

    def previous_link(self):
        return self.link(max(self.start - PAGE_SIZE, 0)) if self.start else None

    def next_link(self):
        return self.link(self.start + PAGE_SIZE) if self.start + PAGE_SIZE < len(self.results) else None

    def csv_link(self):
        return self.link(0, "audit-log.csv")

    def years(self):
        return retention_years()


class AuditLogCSV(AuditLogBase):
    """UTF-8 with a BOM and ';' between fields: what a French spreadsheet opens as it is."""

    def __call__(self):
        results = self.read()
        if self.error:
            self.request.response.setStatus(400)
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return self.error
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(COLUMNS)
        for entry in results:
            row = {**entry, "label": self.tr(label(entry["action"])), "details": details_text(entry)}
            writer.writerow([row[column] for column in COLUMNS])
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="journal-audit.csv"')
        return "\ufeff" + out.getvalue()
