"""How long the audit log keeps its entries: its own rule, set by a Manager, applied by a logged purge.

Six years by default: a municipal term, so that who did what on an act can be traced for as long as the council
that voted it sits, and the DUA of the schedule's proofs of sending (archives/schedule.py). The address of the
person (personal data) is kept one year only (CNIL's recommendation for access logs), then removed from the entry.
The archivists do not purge it: the log watches their eliminations too."""

from collective.deliberations import _
from collective.deliberations.audit.log import now
from collective.deliberations.audit.log import purge
from collective.deliberations.audit.log import record
from collective.deliberations.validation import InputError
from plone import api
from zope.annotation.interfaces import IAnnotations

import datetime


KEY = "collective.deliberations.audit.retention_years"
DEFAULT_YEARS = 6
IP_DAYS = 365


def retention_years():
    return IAnnotations(api.portal.get()).get(KEY, DEFAULT_YEARS)


def set_retention_years(value):
    """A whole number of years, 1 to 30."""
    try:
        years = int(value)
    except (TypeError, ValueError):
        years = 0
    if not 1 <= years <= 30:
        raise InputError(_("audit_years_range", default="The audit log is kept 1 to 30 years."), "years")
    previous = retention_years()
    IAnnotations(api.portal.get())[KEY] = years
    record("setting", None, {"record": KEY, "old": previous, "new": years}, target=KEY)
    return years


def cutoff(years, today):
    """The first moment kept: `years` before `today` (29 February becomes the 28th)."""
    try:
        day = today.replace(year=today.year - years)
    except ValueError:
        day = today.replace(year=today.year - years, day=28)
    return datetime.datetime.combine(day, datetime.time.min, datetime.UTC)


def purge_expired(today=None):
    """Remove the entries past the rule, strip the old addresses, and record the purge. Returns the counts."""
    today = today or now().date()
    before = cutoff(retention_years(), today)
    start = datetime.datetime.combine(today, datetime.time.min, datetime.UTC)
    removed, stripped = purge(before, start - datetime.timedelta(days=IP_DAYS))
    record("audit_purge", None, {"before": before.isoformat(), "removed": removed, "addresses_removed": stripped})
    return removed, stripped
