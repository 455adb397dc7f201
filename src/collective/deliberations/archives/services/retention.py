"""REST: @retention-schedule (GET, PATCH), @retention-dashboard (GET), @legal-hold (GET, POST, DELETE),
@retention-log (GET). The archivist's permission guards them all (zcml)."""

from collective.deliberations import _
from collective.deliberations.archives.dashboard import default_period
from collective.deliberations.archives.dashboard import parse_day
from collective.deliberations.archives.dashboard import reaching_dua_end
from collective.deliberations.archives.dashboard import reindex_category
from collective.deliberations.archives.log import log_action
from collective.deliberations.archives.log import read_log
from collective.deliberations.archives.retention import hold_of
from collective.deliberations.archives.retention import lift_hold
from collective.deliberations.archives.retention import own_hold
from collective.deliberations.archives.retention import set_hold
from collective.deliberations.archives.schedule import get_schedule
from collective.deliberations.archives.schedule import save_rule
from collective.deliberations.archives.services.common import error
from collective.deliberations.archives.services.common import no_csrf
from collective.deliberations.services.errors import read_json
from collective.deliberations.services.errors import refusing_bad_input
from collective.deliberations.validation import text
from plone.restapi.services import Service
from zope.i18n import translate


class ScheduleGet(Service):
    def reply(self):
        return {"@id": f"{self.context.absolute_url()}/@retention-schedule", "rules": list(get_schedule().values())}


class SchedulePatch(Service):
    """Body: {"rules": {category: {field: value}}}; all rules are checked before any is saved."""

    @refusing_bad_input
    def reply(self):
        no_csrf(self.request)
        rules = read_json(self.request).get("rules")
        if not isinstance(rules, dict) or not rules:
            return error(self, 400, _("error_schedule_body", default='Send {"rules": {category: {field: value}}}.'))
        from collective.deliberations.archives.schedule import validate_rule

        problems = {
            category: [translate(m, context=self.request) for m in validate_rule(category, data)]
            for category, data in rules.items()
        }
        problems = {category: messages for category, messages in problems.items() if messages}
        if problems:
            messages = "; ".join(f"{category}: {' '.join(texts)}" for category, texts in problems.items())
            return error(self, 400, messages, fields=problems)
        for category, data in rules.items():
            save_rule(category, data)
            reindex_category(category)
            log_action("schedule", category, repr(data))
        return {"rules": list(get_schedule().values())}


class DashboardGet(Service):
    """?start=YYYY-MM-DD&end=YYYY-MM-DD (default: from the beginning of time to a year from today)."""

    def reply(self):
        try:
            first, last = default_period()
            start = parse_day(self.request.form.get("start"), first)
            end = parse_day(self.request.form.get("end"), last)
        except ValueError:
            return error(self, 400, _("error_dashboard_dates", default="Dates are written YYYY-MM-DD."))
        groups = reaching_dua_end(start, end)
        return {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "groups": groups,
            "items_total": sum(len(items) for items in groups.values()),
        }


class HoldGet(Service):
    def reply(self):
        return {"own": own_hold(self.context), "effective": hold_of(self.context)}


class HoldPost(Service):
    @refusing_bad_input
    def reply(self):
        no_csrf(self.request)
        reason = text(read_json(self.request), "reason").strip()
        if not reason:
            return error(self, 400, _("error_hold_reason", default="A legal hold needs a reason."))
        set_hold(self.context, reason)
        log_action("hold", "/".join(self.context.getPhysicalPath()), reason)
        return {"own": own_hold(self.context), "effective": hold_of(self.context)}


class HoldDelete(Service):
    def reply(self):
        no_csrf(self.request)
        lifted = lift_hold(self.context)
        if lifted:
            log_action("lift_hold", "/".join(self.context.getPhysicalPath()), lifted.get("reason", ""))
        return self.reply_no_content()


class LogGet(Service):
    def reply(self):
        return {"items": read_log()}
