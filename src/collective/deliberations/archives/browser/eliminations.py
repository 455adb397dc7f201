"""Classic UI of eliminations and of the archive's reply: the same functions as the REST services
(services/eliminations.py, services/transfer.py), with the same permission (configure.zcml)."""

from collective.deliberations import _
from collective.deliberations.archives.browser.views import transfer_and_say
from collective.deliberations.archives.elimination import cancel
from collective.deliberations.archives.elimination import EliminationRefused
from collective.deliberations.archives.elimination import eliminations
from collective.deliberations.archives.elimination import get
from collective.deliberations.archives.elimination import propose
from collective.deliberations.archives.elimination import record_visa
from collective.deliberations.archives.elimination import run
from collective.deliberations.archives.elimination import summary
from collective.deliberations.archives.reply import apply_reply
from collective.deliberations.archives.reply import ReplyRefused
from collective.deliberations.archives.transfer import transfers
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.i18n import translate

import urllib.parse


STATUS_TITLES = {
    "proposed": _("elimination_proposed", default="Proposed: waiting for the visa"),
    "visaed": _("elimination_visaed", default="Visa recorded: may be run"),
    "done": _("elimination_done", default="Run: destroyed"),
    "cancelled": _("elimination_cancelled", default="Cancelled"),
}


TRANSFER_STATUS_TITLES = {
    "written": _("transfer_written", default="written to the vault"),
    "sent": _("transfer_sent", default="sent to the archive"),
    "archived": _("archive_status_archived", default="archived"),
    "rejected": _("transfer_rejected", default="refused by the archive"),
}


def chosen_records(request, field="records"):
    """The séances and deliberations ticked on the dashboard (their UIDs in `records`; in `personal`, the séances
    whose convocation's personal data is chosen)."""
    uids = request.form.get(field) or []
    uids = [uids] if isinstance(uids, str) else uids
    found = []
    for uid in uids:
        brains = api.content.find(UID=uid, portal_type=["Session", "Deliberation"], unrestricted=True)
        if brains:
            found.append(brains[0]._unrestrictedGetObject())
    return found


def dashboard_url(context=None):
    return f"{api.portal.get().absolute_url()}/@@archives-dashboard"


class EliminationsView(BrowserView):
    """@@archives-eliminations: the proposals; POST (records, title) proposes one from the dashboard's choice."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                proposal = propose(
                    chosen_records(self.request),
                    self.request.form.get("title", "").strip(),
                    personal=chosen_records(self.request, "personal"),
                )
            except EliminationRefused as problem:
                api.portal.show_message(problem.message, self.request, type="error")
                return self.request.response.redirect(dashboard_url(self.context))
            api.portal.show_message(
                _("msg_elimination_proposed", default="Elimination proposed: ${id}.", mapping={"id": proposal["id"]}),
                self.request,
            )
            return self.request.response.redirect(elimination_url(proposal["id"]))
        return self.index()

    def proposals(self):
        items = [summary(proposal) for proposal in eliminations().values()]
        return sorted(items, key=lambda item: item["created"], reverse=True)

    def status_title(self, status):
        return STATUS_TITLES.get(status, status)

    def url(self, identifier):
        return elimination_url(identifier)


def elimination_url(identifier):
    query = urllib.parse.urlencode({"id": identifier})
    return f"{api.portal.get().absolute_url()}/@@archives-elimination?{query}"


class EliminationView(BrowserView):
    """@@archives-elimination?id=…: the bordereau, the visa form, cancel and run; refusals say why."""

    def __call__(self):
        self.identifier = self.request.form.get("id", "")
        try:
            get(self.identifier)
        except EliminationRefused as problem:
            raise NotFound(str(problem)) from problem
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.act()
        return self.index()

    def act(self):
        form = self.request.form
        try:
            if form.get("visa"):
                upload = form.get("file")
                data = upload.read() if hasattr(upload, "read") else b""
                record_visa(
                    self.identifier,
                    form.get("authority"),
                    form.get("date"),
                    form.get("reference"),
                    data,
                    getattr(upload, "filename", None),
                )
                message = _("msg_visa_recorded", default="Visa recorded: the elimination may be run.")
            elif form.get("cancel"):
                cancel(self.identifier)
                message = _("msg_elimination_cancelled", default="Elimination cancelled: nothing was destroyed.")
            elif form.get("run"):
                run(self.identifier)
                message = _("msg_elimination_run", default="Elimination run: tombstones left, bordereau kept.")
            else:
                return
        except EliminationRefused as problem:
            api.portal.show_message(problem.message, self.request, type="error")
            return
        api.portal.show_message(message, self.request)

    def proposal(self):
        return summary(get(self.identifier))

    def status_title(self, status):
        return STATUS_TITLES.get(status, status)

    def value(self, name):
        """What the visa form shows: what was typed, after a refusal."""
        return self.request.form.get(name, "") if self.request.method == "POST" else ""

    def file_url(self, which):
        query = urllib.parse.urlencode({"id": self.identifier, "file": which})
        return f"{api.portal.get().absolute_url()}/@@archives-bordereau?{query}"


class BordereauView(BrowserView):
    """@@archives-bordereau?id=…[&file=visa]: the bordereau's PDF, or the signed bordereau of the visa."""

    def __call__(self):
        try:
            proposal = get(self.request.form.get("id", ""))
        except EliminationRefused as problem:
            raise NotFound(str(problem)) from problem
        visa = proposal.get("visa") or {}
        named = visa.get("file") if self.request.form.get("file") == "visa" else proposal["bordereau"]
        if named is None:
            raise NotFound("no file")
        response = self.request.response
        response.setHeader("Content-Type", named.contentType or "application/pdf")
        response.setHeader("Content-Disposition", f'attachment; filename="{named.filename}"')
        return named.data


class TransferSelectionView(BrowserView):
    """@@archives-transfer-selection (POST from the dashboard): one SIP of the ticked séances and acts."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(dashboard_url(self.context))
        CheckAuthenticator(self.request)
        transfer_and_say(chosen_records(self.request), self.request)
        return self.request.response.redirect(dashboard_url(self.context))


class ReplyView(BrowserView):
    """@@archives-reply: upload the archive's ArchiveTransferReply; the transfers and their status."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            upload = self.request.form.get("file")
            data = upload.read() if hasattr(upload, "read") else b""
            try:
                if not data:
                    raise ReplyRefused(_("error_reply_empty", default="Choose the reply file of the archive."))
                entry = apply_reply(data)
            except ReplyRefused as problem:
                api.portal.show_message(problem.message, self.request, type="error")
            else:
                api.portal.show_message(
                    _(
                        "msg_reply_applied",
                        default="Reply of the archive recorded for ${identifier}: ${status}.",
                        mapping={
                            "identifier": entry["identifier"],
                            "status": translate(self.status_title(entry["status"]), context=self.request),
                        },
                    ),
                    self.request,
                )
        return self.index()

    def transfers(self):
        keys = ("identifier", "date", "user", "status", "reply", "adapter")
        items = [{key: entry.get(key) for key in keys} for entry in transfers().values()]
        return sorted(items, key=lambda item: item["date"] or "", reverse=True)

    def status_title(self, status):
        return TRANSFER_STATUS_TITLES.get(status, status)
