"""Classic UI of the archivist: the retention schedule, the DUA dashboard, legal holds and transfers.
Each page does what the matching REST service does, with the same permission (configure.zcml)."""

from collective.deliberations import _
from collective.deliberations.archives.dashboard import default_period
from collective.deliberations.archives.dashboard import parse_day
from collective.deliberations.archives.dashboard import reaching_dua_end
from collective.deliberations.archives.dashboard import reindex_category
from collective.deliberations.archives.log import log_action
from collective.deliberations.archives.retention import hold_of
from collective.deliberations.archives.retention import lift_hold
from collective.deliberations.archives.retention import own_hold
from collective.deliberations.archives.retention import set_hold
from collective.deliberations.archives.schedule import FINAL_ACTIONS
from collective.deliberations.archives.schedule import get_schedule
from collective.deliberations.archives.schedule import save_rule
from collective.deliberations.archives.schedule import START_EVENTS
from collective.deliberations.archives.schedule import validate_rule
from collective.deliberations.archives.sip import ExportError
from collective.deliberations.archives.status import archive_status
from collective.deliberations.archives.transfer import transfer
from collective.deliberations.archives.validation import schema_missing_message
from collective.deliberations.archives.validation import SchemaMissing
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate


ARCHIVE_STATUS_TITLES = {
    "transferred": _("archive_status_transferred", default="transferred"),
    "archived": _("archive_status_archived", default="archived"),
    "eliminated": _("archive_status_eliminated", default="eliminated"),
}


class ScheduleView(BrowserView):
    """@@retention-schedule: one row per category, every field editable; wrong rows are refused, none is lost."""

    errors = None

    def __call__(self):
        self.errors = {}
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.save()
        return self.index()

    def rules(self):
        return list(get_schedule().values())

    def start_events(self):
        return [(key, translate(title, context=self.request)) for key, title in START_EVENTS.items()]

    def final_actions(self):
        return [(key, translate(title, context=self.request)) for key, title in FINAL_ACTIONS.items()]

    def submitted(self, category):
        form = self.request.form
        data = {}
        for field in ("title", "start_event", "final_action", "legal_basis", "appraisal_rule", "access_rule"):
            if f"{category}.{field}" in form:
                value = form[f"{category}.{field}"]  # a repeated field comes as a list: refused, not split
                data[field] = value.strip() if isinstance(value, str) else value
        if f"{category}.dua_years" in form:
            raw = form[f"{category}.dua_years"].strip()
            data["dua_years"] = int(raw) if raw.isdigit() else raw
        data["confirmed"] = bool(form.get(f"{category}.confirmed"))
        return data

    def save(self):
        changes = {rule["category"]: self.submitted(rule["category"]) for rule in self.rules()}
        for category, data in changes.items():
            messages = validate_rule(category, data)
            if messages:
                self.errors[category] = [translate(m, context=self.request) for m in messages]
        if self.errors:
            api.portal.show_message(
                _("msg_schedule_errors", default="Nothing was saved: correct the rows marked."),
                self.request,
                type="error",
            )
            return
        for category, data in changes.items():
            current = get_schedule()[category]
            if any(current.get(key) != value for key, value in data.items()):
                save_rule(category, data)
                reindex_category(category)
                log_action("schedule", category, repr(data))
        api.portal.show_message(_("msg_schedule_saved", default="Retention schedule saved."), self.request)

    def value(self, rule, field):
        """What the form shows: the submitted value after a refusal, else the stored one."""
        key = f"{rule['category']}.{field}"
        if self.errors and key in self.request.form:
            return self.request.form[key]
        return rule[field]


class DashboardView(BrowserView):
    """@@archives-dashboard: what reaches the end of its DUA in a period, by final disposition."""

    def period(self):
        first, last = default_period()
        try:
            start = parse_day(self.request.form.get("start"), first)
            end = parse_day(self.request.form.get("end"), last)
        except ValueError:
            api.portal.show_message(
                _("error_dashboard_dates", default="Dates are written YYYY-MM-DD."), self.request, type="error"
            )
            start, end = first, last
        return start, end

    def shown_start(self, start):
        """The start in the form: empty when it is the default (from the beginning)."""
        return "" if start == default_period()[0] else start.isoformat()

    def status_title(self, status):
        return translate(ARCHIVE_STATUS_TITLES.get(status, status), context=self.request)

    def groups(self):
        start, end = self.period()
        found = reaching_dua_end(start, end)
        return [
            {
                "action": action,
                "title": translate(FINAL_ACTIONS[action], context=self.request),
                "records": found[action],
            }
            for action in ("C", "T", "D")
        ]


class HoldView(BrowserView):
    """@@legal-hold on a deliberation or a session: put or lift a hold, with its reason."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            path = "/".join(self.context.getPhysicalPath())
            if self.request.form.get("lift"):
                lifted = lift_hold(self.context)
                if lifted:
                    log_action("lift_hold", path, lifted.get("reason", ""))
                api.portal.show_message(_("msg_hold_lifted", default="Legal hold lifted."), self.request)
            else:
                reason = self.request.form.get("reason", "").strip()
                if not reason:
                    api.portal.show_message(
                        _("error_hold_reason", default="A legal hold needs a reason."), self.request, type="error"
                    )
                else:
                    set_hold(self.context, reason)
                    log_action("hold", path, reason)
                    api.portal.show_message(_("msg_hold_set", default="Legal hold recorded."), self.request)
        return self.index()

    def own(self):
        return own_hold(self.context)

    def effective(self):
        return hold_of(self.context)

    def status(self):
        return archive_status(self.context)


def transfer_and_say(records, request):
    """Transfer `records` (séances, acts); the outcome is the page's message. The transfer's entry, or None."""
    try:
        entry = transfer(records)
    except ExportError as problem:
        api.portal.show_message(problem.message, request, type="error")
    except SchemaMissing as problem:
        api.portal.show_message(schema_missing_message(problem), request, type="error")
    else:
        message = _(
            "msg_transferred", default="Transferred: ${identifier}.", mapping={"identifier": entry["identifier"]}
        )
        api.portal.show_message(message, request)
        return entry
    return None


class TransferView(BrowserView):
    """@@archives-transfer on a closed session: the versement, confirmed by a POST."""

    result = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.result = transfer_and_say([self.context], self.request)
        return self.index()

    def status(self):
        return archive_status(self.context)

    def hold(self):
        return hold_of(self.context)
