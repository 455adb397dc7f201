"""The secretariat's page of the séance: roll call, quorum per item, movements and the vote of each item."""

from collective.deliberations import _
from collective.deliberations.browser import utils
from collective.deliberations.documents.office import ConversionFailed
from collective.deliberations.seance import SeanceError
from collective.deliberations.seance.attendance import answers_as_roll_call
from collective.deliberations.seance.attendance import cancel_movement
from collective.deliberations.seance.attendance import record_movement
from collective.deliberations.seance.attendance import record_roll_call
from collective.deliberations.seance.attendance import STATUSES
from collective.deliberations.seance.state import seance_state
from collective.deliberations.seance.votes import CHOICES
from collective.deliberations.seance.votes import record_vote
from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView

import transaction


STATUS_TITLES = {
    "present": _("presence_present", default="Present"),
    "absent": _("presence_absent", default="Absent"),
    "excused": _("presence_excused", default="Excused"),
    "represented": _("presence_represented", default="Represented"),
    "conflict": _("presence_conflict", default="Out (conflict of interest)"),
}
CHOICE_TITLES = {
    "pour": _("vote_pour", default="For"),
    "contre": _("vote_contre", default="Against"),
    "abstention": _("vote_abstention", default="Abstention"),
    "npp": _("vote_npp", default="Does not take part"),
}
CHOICE_CSS = {"pour": "success", "contre": "danger", "abstention": "secondary", "npp": "light"}


class SeanceView(BrowserView):
    def __call__(self):
        form = self.request.form
        action = form.get("action")
        if self.request.method == "POST" and action:
            CheckAuthenticator(self.request)
            anchor = self.handle(action, form)
            if anchor is not None:
                self.request.response.redirect(f"{self.context.absolute_url()}/@@seance{anchor}")
                return ""
        return self.index()

    def handle(self, action, form):
        messages = api.portal.show_message
        try:
            if action == "from-answers":
                attendance, proxies = answers_as_roll_call(self.context)
                record_roll_call(self.context, attendance, proxies)
                messages(
                    _("msg_roll_call_from_answers", default="Presence answers of the convocation taken: check them."),
                    self.request,
                )
                return "#roll-call"
            if action == "roll-call":
                attendance = {m["id"]: form.get(f"status.{m['id']}") for m in self.state["members"]}
                proxies = {
                    member: form.get(f"proxy.{member}") for member, s in attendance.items() if s == "represented"
                }
                record_roll_call(
                    self.context,
                    attendance,
                    {member: holder for member, holder in proxies.items() if holder},
                    secretary=form.get("secretary") or None,
                    reconvened=bool(form.get("reconvened")),
                )
                messages(_("msg_roll_call_recorded", default="Roll call recorded."), self.request)
                return "#roll-call"
            if action == "liste":
                from collective.deliberations.seance.liste import generate_liste

                document = generate_liste(self.context)
                messages(
                    _("msg_liste_made", default="${title}: made.", mapping={"title": document.Title()}), self.request
                )
                return "#liste"
            if action == "minutes":
                from collective.deliberations.seance.minutes import generate_minutes

                document = generate_minutes(self.context)
                messages(
                    _("msg_liste_made", default="${title}: made.", mapping={"title": document.Title()}), self.request
                )
                return "#liste"
            if action == "cancel-movement":
                cancel_movement(self.context, form.get("index"))
                messages(_("msg_movement_cancelled", default="Movement cancelled."), self.request)
                return "#movements"
            item_id = form.get("item")
            if action == "movement":
                record_movement(self.context, form.get("member"), item_id, form.get("kind"), form.get("proxy") or None)
                messages(_("msg_movement_recorded", default="Movement recorded."), self.request)
                return f"#item-{item_id}"
            if action == "vote":
                item = self.context.get(item_id) if item_id else None
                if item is None or item.portal_type != "AgendaItem":
                    return None
                mode = form.get("mode")
                voters = next((row["voters"] for row in self.state["items"] if row["id"] == item_id), [])
                ballots = [{"member": m, "vote": form.get(f"ballot.{m}")} for m in voters if form.get(f"ballot.{m}")]
                counts = {choice: form.get(f"count.{choice}") or 0 for choice in CHOICES}
                vote = record_vote(item, mode, ballots=ballots, counts=counts)
                message = (
                    _("msg_vote_adopted", default="Adopted: act no. ${number}.", mapping={"number": vote["number"]})
                    if vote["adopted"]
                    else _("msg_vote_rejected", default="Rejected.")
                )
                messages(message, self.request)
                return f"#item-{item_id}"
        except SeanceError as error:
            transaction.doom()
            messages(error.message, self.request, type="error")
        except WorkflowException as error:
            transaction.doom()
            messages(str(error), self.request, type="error")
        except ConversionFailed as error:  # LibreOffice (the liste, the PV) over its time or stopped
            transaction.doom()
            messages(error.message, self.request, type="error")
        return None

    @property
    def state(self):
        if not hasattr(self, "_state"):
            self._state = seance_state(self.context)
        return self._state

    def names(self):
        return {m["id"]: m["name"] for m in self.state["members"]}

    def statuses(self):
        return [{"id": s, "title": utils.tr(STATUS_TITLES[s], self.request)} for s in STATUSES]

    def choices(self):
        return [{"id": c, "title": utils.tr(CHOICE_TITLES[c], self.request), "css": CHOICE_CSS[c]} for c in CHOICES]

    def status_title(self, status):
        return utils.tr(STATUS_TITLES[status], self.request)

    def choice_title(self, choice):
        return utils.tr(CHOICE_TITLES[choice], self.request)

    def items(self):
        names = self.names()
        rows = []
        for row in self.state["items"]:
            row = dict(row)
            row["votable"] = row["item_kind"] == "deliberation" and row["deliberation_state"] == "scheduled"
            row["voter_rows"] = [
                {"id": m, "name": names.get(m, m), "proxy_of": [names[g] for g, h in row["proxies"].items() if h == m]}
                for m in row["voters"]
                if row["status"].get(m) == "present"
            ]
            row["represented_rows"] = [
                {"id": g, "name": names.get(g, g), "holder": names.get(h, h)} for g, h in row["proxies"].items()
            ]
            row["out"] = [
                {"name": names.get(m, m), "status": self.status_title(s)}
                for m, s in row["status"].items()
                if s not in ("present",) and m not in row["proxies"]
            ]
            rows.append(row)
        return rows

    def movements(self):
        names = self.names()
        numbers = {row["id"]: row["number"] for row in self.state["items"]}
        kinds = {
            "arrival": _("movement_arrival", default="Arrival at item ${number}"),
            "departure": _("movement_departure", default="Departure at item ${number}"),
            "conflict": _("movement_conflict", default="Out of the room for item ${number} (conflict of interest)"),
        }
        rows = []
        for movement in self.state["movements"]:
            message = kinds[movement["kind"]]
            text = utils.tr(
                _(message, default=message.default, mapping={"number": numbers.get(movement["item"], "?")}),
                self.request,
            )
            if movement.get("proxy"):
                text += " — " + utils.tr(
                    _("movement_proxy", default="proxy to ${name}", mapping={"name": names.get(movement["proxy"])}),
                    self.request,
                )
            rows.append({"index": movement["index"], "name": names.get(movement["member"]), "text": text})
        return rows

    def documents(self):
        """The list of deliberations and the draft procès-verbal, once made."""
        from collective.deliberations.seance import liste
        from collective.deliberations.seance import minutes

        found = [self.context.get(module.FILE_ID) for module in (liste, minutes)]
        return [{"title": d.Title(), "url": f"{d.absolute_url()}/@@download/file"} for d in found if d is not None]

    def held(self):
        return self.state["review_state"] == "held"
