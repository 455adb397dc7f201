"""Who is in the room at each agenda item: roll call, proxies, arrivals, departures, withdrawals; the quorum."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.audit.log import record as audit
from collective.deliberations.content.membership import memberships
from collective.deliberations.seance import refuse
from collective.deliberations.seance.record import get_record
from datetime import date
from plone import api


PRESENT, ABSENT, EXCUSED, REPRESENTED, CONFLICT = "present", "absent", "excused", "represented", "conflict"
STATUSES = (PRESENT, ABSENT, EXCUSED, REPRESENTED)
MOVEMENTS = ("arrival", "departure", "conflict")


def body(session):
    return aq_parent(aq_inner(session))


def session_day(session):
    start = getattr(session, "start", None)
    return start.date() if start else date.today()


def members(session):
    """{member id: membership} of the members in office on the day of the séance, in the body's order."""
    day = session_day(session)
    return {m.member: m for m in memberships(body(session)) if m.member and m.is_current(day)}


def voting_members(session):
    return [member_id for member_id, m in members(session).items() if getattr(m, "voting_right", True)]


def agenda_ids(session):
    return [item.getId() for item in session.agenda()]


def check_held(session):
    state = api.content.get_state(session)
    if state != "held":
        refuse(
            _(
                "seance_not_held",
                default="The séance is not being held (state: ${state}): mark it as held to record presence and votes.",
                mapping={"state": state},
            )
        )


def name(session, member_id):
    membership = members(session).get(member_id)
    return membership.member_name() if membership is not None else member_id


class Presence:
    """The room at one agenda item (or at the opening of the séance when item is None)."""

    def __init__(self, session, item_id=None, in_office=None, order=None):
        """in_office and order (the agenda's item ids), when given, spare their lookup for each item of a page."""
        record = get_record(session)
        self.in_office = in_office if in_office is not None else members(session)
        self.voting = [m for m, membership in self.in_office.items() if getattr(membership, "voting_right", True)]
        status = {m: ABSENT for m in self.in_office}
        proxies = {}
        if record is not None:
            status.update({m: s for m, s in record.attendance.items() if m in status})
            proxies.update(record.proxies)
            order = order if order is not None else agenda_ids(session)
            until = order.index(item_id) if item_id in order else -1
            out_for_item = set()
            for movement in record.movements:
                if movement["kind"] == "conflict":
                    if movement["item"] == item_id:
                        out_for_item.add(movement["member"])
                elif movement["item"] in order and order.index(movement["item"]) <= until:
                    member = movement["member"]
                    if movement["kind"] == "arrival":
                        status[member] = PRESENT
                        proxies.pop(member, None)
                    elif movement["kind"] == "departure":
                        status[member] = REPRESENTED if movement.get("proxy") else ABSENT
                        if movement.get("proxy"):
                            proxies[member] = movement["proxy"]
            for member in out_for_item:
                if status.get(member) == PRESENT:
                    status[member] = CONFLICT
        self.status = status
        # A proxy counts only while its holder is in the room and the member it represents is not
        self.proxies = {
            giver: holder
            for giver, holder in proxies.items()
            if status.get(giver) == REPRESENTED and status.get(holder) == PRESENT
        }
        self.present = [m for m in self.in_office if status[m] == PRESENT]
        self.quorum_needed = len(self.voting) // 2 + 1  # more than half of the members in office
        self.present_voting = [m for m in self.voting if status[m] == PRESENT]
        self.quorum = len(self.present_voting) >= self.quorum_needed
        self.voters = [m for m in self.voting if status[m] == PRESENT or m in self.proxies]

    def summary(self):
        return {
            "in_office": len(self.voting),
            "present": len(self.present_voting),
            "represented": len([m for m in self.voting if m in self.proxies]),
            "voters": len(self.voters),
            "quorum_needed": self.quorum_needed,
            "quorum": self.quorum,
        }


def _check_proxies(session, status, proxies):
    holders = {}
    for giver, holder in proxies.items():
        if status.get(giver) != REPRESENTED:
            continue
        if holder not in status:
            refuse(
                _(
                    "seance_not_member",
                    default="${member} is not a member in office of this body.",
                    mapping={"member": holder},
                )
            )
        if holder == giver or status[holder] != PRESENT:
            refuse(
                _(
                    "seance_proxy_holder_absent",
                    default="${holder} holds the proxy of ${member} but is not present.",
                    mapping={"holder": name(session, holder), "member": name(session, giver)},
                )
            )
        if holder in holders:
            refuse(
                _(
                    "seance_proxy_twice",
                    default="${holder} already holds the proxy of ${other}: a member holds one proxy at most.",
                    mapping={"holder": name(session, holder), "other": name(session, holders[holder])},
                )
            )
        holders[holder] = giver
    for giver, s in status.items():
        if s == REPRESENTED and giver not in proxies:
            refuse(
                _(
                    "seance_proxy_missing",
                    default="${member} is represented: name the member who holds the proxy.",
                    mapping={"member": name(session, giver)},
                )
            )


def record_roll_call(session, attendance=None, proxies=None, secretary=None, reconvened=None):
    """Merge the given presences and proxies into the roll call, all checked before anything is kept."""
    check_held(session)
    in_office = members(session)
    attendance = dict(attendance or {})
    proxies = dict(proxies or {})
    for member, value in list(attendance.items()):
        if isinstance(value, dict):  # {"status": "represented", "proxy": "holder"}
            if value.get("proxy"):
                proxies[member] = value["proxy"]
            attendance[member] = value.get("status")
    for member in set(attendance) | set(proxies):
        if member not in in_office:
            refuse(
                _(
                    "seance_not_member",
                    default="${member} is not a member in office of this body.",
                    mapping={"member": member},
                )
            )
    for value in attendance.values():
        if value not in STATUSES:
            refuse(
                _(
                    "seance_presence_unknown",
                    default="« ${status} » is no presence: present, absent, excused or represented.",
                    mapping={"status": str(value)},
                )
            )
    record = get_record(session)
    status = {m: ABSENT for m in in_office}
    all_proxies = {}
    if record is not None:
        status.update({m: s for m, s in record.attendance.items() if m in status})
        all_proxies.update(record.proxies)
    status.update(attendance)
    all_proxies.update(proxies)
    all_proxies = {g: h for g, h in all_proxies.items() if status.get(g) == REPRESENTED}
    _check_proxies(session, status, all_proxies)
    if secretary is not None and secretary not in in_office:
        refuse(
            _("seance_secretary_member", default="The secrétaire de séance is chosen among the members of the body.")
        )
    record = get_record(session, create=True)
    record.attendance.clear()
    record.attendance.update(status)
    record.proxies.clear()
    record.proxies.update(all_proxies)
    if reconvened is not None:
        record.reconvened = bool(reconvened)
    if secretary is not None:
        session.secretary = secretary
        session.reindexObject()
    audit("roll_call", session, {"changed": ", ".join(sorted(set(attendance) | set(proxies))) or "-"})
    return record


def record_movement(session, member, item_id, kind, proxy=None):
    """An arrival or a departure from an item on, or a withdrawal from one item for a conflict of interest."""
    check_held(session)
    if member not in members(session):
        refuse(
            _(
                "seance_not_member",
                default="${member} is not a member in office of this body.",
                mapping={"member": member},
            )
        )
    if item_id not in agenda_ids(session):
        refuse(
            _(
                "seance_item_unknown",
                default="« ${item} » is no item of this séance's agenda.",
                mapping={"item": str(item_id)},
            )
        )
    if kind not in MOVEMENTS:
        refuse(
            _(
                "seance_movement_unknown",
                default="« ${kind} » is no movement: arrival, departure or conflict.",
                mapping={"kind": str(kind)},
            )
        )
    record = get_record(session, create=True)
    if item_id in record.votes:
        refuse(_("seance_item_voted", default="The vote on this item is already recorded."))
    presence = Presence(session, item_id)
    here = presence.status[member]
    who = name(session, member)
    if kind == "arrival" and here == PRESENT:
        refuse(
            _("seance_already_present", default="${member} is already present at this item.", mapping={"member": who})
        )
    if kind in ("departure", "conflict") and here != PRESENT:
        refuse(_("seance_not_present", default="${member} is not present at this item.", mapping={"member": who}))
    if kind == "departure" and proxy:
        if presence.status.get(proxy) != PRESENT or proxy == member:
            refuse(
                _(
                    "seance_proxy_holder_absent",
                    default="${holder} holds the proxy of ${member} but is not present.",
                    mapping={"holder": name(session, proxy), "member": who},
                )
            )
        if proxy in presence.proxies.values():
            other = next(g for g, h in presence.proxies.items() if h == proxy)
            refuse(
                _(
                    "seance_proxy_twice",
                    default="${holder} already holds the proxy of ${other}: a member holds one proxy at most.",
                    mapping={"holder": name(session, proxy), "other": name(session, other)},
                )
            )
    record.movements.append({"member": member, "item": item_id, "kind": kind, "proxy": proxy or None})
    return record


def cancel_movement(session, index):
    """Take back a movement entered by mistake, unless a vote already counted the room it changed."""
    check_held(session)
    record = get_record(session, create=True)
    try:
        movement = record.movements[int(index)]
    except (IndexError, TypeError, ValueError):
        refuse(_("seance_movement_none", default="There is no such movement to cancel."))
    order = agenda_ids(session)
    start = order.index(movement["item"]) if movement["item"] in order else 0
    later = order[start:] if movement["kind"] != "conflict" else [movement["item"]]
    if any(item_id in record.votes for item_id in later):
        refuse(
            _(
                "seance_movement_voted",
                default="A vote already counted this movement: it can no longer be cancelled.",
            )
        )
    del record.movements[int(index)]
    return record


def answers_as_roll_call(session):
    """The presence answers given to the convocation, as a first roll call: présent → present, absent → excused,
    procuration → represented (when its holder answered présent). Remote attendance is not physical presence: left
    absent. ({}, {}) without a convocation."""
    from collective.deliberations.convocation.storage import get_convocation

    convocation = get_convocation(session)
    in_office = members(session)
    answers = {}
    for recipient in convocation.all() if convocation is not None else ():
        answer = recipient.answer()
        if recipient.userid in in_office and answer:
            answers[recipient.userid] = answer
    attendance = {m: {"present": PRESENT, "absent": EXCUSED}.get(a["answer"]) for m, a in answers.items()}
    proxies = {}
    for member, answer in answers.items():
        holder = answer.get("proxy")
        if answer["answer"] == "procuration" and attendance.get(holder) == PRESENT and holder not in proxies.values():
            attendance[member], proxies[member] = REPRESENTED, holder
    return {m: s for m, s in attendance.items() if s}, proxies
