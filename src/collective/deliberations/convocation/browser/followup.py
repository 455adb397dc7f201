"""@@convocation-suivi: who received, opened, answered, with times; the secretariat retries, resends, revokes.
@@convocation-suivi.csv: the same table as CSV."""

from collective.deliberations.convocation import followup
from collective.deliberations.convocation.links import revoke
from collective.deliberations.convocation.links import revoke_all
from collective.deliberations.convocation.sending import resend
from collective.deliberations.convocation.sending import retry_failed
from collective.deliberations.convocation.storage import get_convocation
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

import csv
import io


def tr(request, msgid, default, mapping=None):
    return translate(msgid, domain="collective.deliberations", context=request, default=default, mapping=mapping)


class FollowUpView(BrowserView):
    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            message = self.act(self.request.form)
            if message:
                api.portal.show_message(message, self.request)
            return self.request.response.redirect(f"{self.context.absolute_url()}/@@convocation-suivi")
        return self.index()

    def act(self, form):
        convocation = get_convocation(self.context)
        if convocation is None:
            return None
        userid = form.get("recipient", "")
        if "retry" in form:
            count = retry_failed(self.context)
            return tr(self.request, "msg_retry", "${count} message(s) sent again.", {"count": count})
        if "resend" in form and convocation.get(userid) is not None:
            resend(self.context, userid)
            name = convocation.get(userid).fullname
            return tr(self.request, "msg_resent", "Convocation sent again to ${name}.", {"name": name})
        if "revoke" in form and convocation.get(userid) is not None:
            recipient = convocation.get(userid)
            revoke(recipient)
            name = recipient.fullname
            return tr(self.request, "msg_revoked", "The personal link of ${name} is revoked.", {"name": name})
        if "revoke_all" in form:
            count = revoke_all(convocation)
            return tr(self.request, "msg_revoked_all", "${count} personal link(s) revoked.", {"count": count})
        if "remote" in form:
            convocation.remote_allowed = form.get("remote") == "1"
            return tr(self.request, "msg_remote_saved", "Saved.")
        return None

    def convocation(self):
        return get_convocation(self.context)

    def rows(self):
        data = followup.rows(self.context)
        for row in data:
            for key in ("made_available_at", "accepted_at", "first_opened_at", "answered_at", "next_try_at"):
                row[key + "_text"] = followup.local(getattr(self.convocation().get(row["userid"]), key, None))
            answer = self.convocation().get(row["userid"]).answer()
            row["answered_at_text"] = followup.local(answer["at"]) if answer else ""
        return data

    def manifests(self):
        data = followup.manifests(self.context)
        for manifest, stored in zip(data, self.convocation().manifests, strict=True):
            manifest["at_text"] = followup.local(stored["at"])
        return data

    def counts(self):
        data = followup.rows(self.context)
        return {
            "total": len(data),
            "sent": len([r for r in data if r["status"] == "sent"]),
            "opened": len([r for r in data if r["first_opened_at"]]),
            "answered": len([r for r in data if r["answer"]]),
            "failed": len([r for r in data if r["status"] in ("failed", "invalid")]),
        }


class FollowUpCSV(BrowserView):
    def __call__(self):
        stream = io.StringIO()
        writer = csv.writer(stream, delimiter=";")
        writer.writerow([translate(title, context=self.request) for _key, title in followup.CSV_COLUMNS])
        for row in followup.rows(self.context):
            writer.writerow(["" if row[key] is None else row[key] for key, _title in followup.CSV_COLUMNS])
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", f'attachment; filename="suivi-{self.context.getId()}.csv"')
        return "\ufeff" + stream.getvalue()  # BOM: spreadsheets then read UTF-8
