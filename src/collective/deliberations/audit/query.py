"""The filters of the audit log, read the same way by the page, its CSV and GET @audit-log."""

from collective.deliberations import _
from collective.deliberations.audit.log import entries
from collective.deliberations.validation import InputError

import datetime


FIELDS = ("user", "action", "since", "until", "path")


def _day(form, field):
    raw = form.get(field) or ""
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw if isinstance(raw, str) else "")
    except ValueError as error:
        raise InputError(_("error_dashboard_dates", default="Dates are written YYYY-MM-DD."), field) from error


def _check_whole(form, field):
    raw = form.get(field)
    if raw is not None and not (isinstance(raw, str) and raw.isascii() and raw.isdigit()):
        raise InputError(
            _("audit_whole_number", default="${field} is a whole number.", mapping={"field": field}), field
        )


def read_filters(form):
    """The filters of a request's form (InputError on a date that is not YYYY-MM-DD, a page that is no number)."""
    for field in ("b_start", "b_size"):
        _check_whole(form, field)
    filters = {field: form.get(field) if isinstance(form.get(field), str) else "" for field in FIELDS}
    filters["since"], filters["until"] = _day(form, "since"), _day(form, "until")
    return filters


def _bounds(filters):
    since = filters.get("since")
    until = filters.get("until")
    low = datetime.datetime.combine(since, datetime.time.min, datetime.UTC) if since else None
    high = datetime.datetime.combine(until, datetime.time.max, datetime.UTC) if until else None
    return low, high


def _matches(entry, filters):
    text = (filters.get("path") or "").strip().lower()
    return (
        (not filters.get("user") or entry["user"] == filters["user"])
        and (not filters.get("action") or entry["action"] == filters["action"])
        and (not text or text in entry["path"].lower() or text in entry["title"].lower())
    )


def search(filters):
    """The entries that pass `filters`, newest first."""
    return [entry for entry in entries(*_bounds(filters)) if _matches(entry, filters)]
