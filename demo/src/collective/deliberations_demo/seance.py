"""The séances of the demo held through the product's own séance API, as the secretariat does on @@seance: the
closed council (roll call, proxies, an arrival, a member out for a conflict of interest, public, secret and
unanimous votes, a tie settled by the president's casting vote, its PV, list and numbered acts), and a council in
progress today (roll call done, the first items voted, the others waiting for the secretariat to try)."""

from Acquisition import aq_parent
from collective.deliberations.acts.actes import INDIVIDUAL
from collective.deliberations.acts.actes import record_notification
from collective.deliberations.seance.attendance import record_movement
from collective.deliberations.seance.attendance import record_roll_call
from collective.deliberations.seance.liste import generate_liste
from collective.deliberations.seance.minutes import generate_minutes
from collective.deliberations.seance.publication import approve_minutes
from collective.deliberations.seance.publication import publish_liste
from collective.deliberations.seance.publication import publish_minutes
from collective.deliberations.seance.publication import sign_minutes
from collective.deliberations.seance.state import seance_state
from collective.deliberations.seance.votes import record_vote
from collective.deliberations_demo.tools import acting_as
from collective.deliberations_demo.tools import find_by_key
from plone import api

import datetime


CLOSED_KEY = "conseil-clos"
# How the closed council votes each outcome of demo/sessions.py, in agenda order (None: a transition, no vote)
CLOSED_VOTES = ("public", "unanimity", "conflict", "secret", "tie", "unanimity", None, "public", None)
IN_PROGRESS_VOTES = ("public", "unanimity")  # the others wait for the secretariat


def roll_call(session):
    """Most members present; two excused, one absent, two represented by a proxy; the last one arrives later."""
    state = seance_state(session)
    ids = [m["id"] for m in state["members"]]
    attendance = dict.fromkeys(ids, "present")
    attendance.update({ids[-2]: "excused", ids[-3]: "excused", ids[-4]: "absent", ids[-1]: "absent"})
    attendance.update({ids[-5]: "represented", ids[-6]: "represented"})
    proxies = {ids[-5]: ids[1], ids[-6]: ids[2]}
    record_roll_call(session, attendance, proxies, secretary=session.secretary)
    return ids


def _ballots(voters, president, kind):
    """Public ballots: a clear majority, or (tie) as many against as for, the president among those for."""
    others = [m for m in voters if m != president]
    if kind == "tie":
        half = len(voters) // 2
        pour = [president, *others[: half - 1]]
        contre = others[half - 1 : 2 * half - 1]
        rest = {m: "abstention" for m in others[2 * half - 1 :]}
        votes = {m: "pour" for m in pour} | {m: "contre" for m in contre} | rest
        return [{"member": m, "vote": v} for m, v in votes.items()]
    votes = {m: "pour" for m in voters}
    for m in others[:4]:
        votes[m] = "contre"
    for m in others[4:7]:
        votes[m] = "abstention"
    return [{"member": m, "vote": v} for m, v in votes.items()]


def vote(session, item, kind, ids):
    """One item voted as ``kind``: public, unanimity, secret (rejected), tie (casting vote), conflict (one member
    out of the room for a conflict of interest, then a public vote)."""
    if kind == "conflict":
        record_movement(session, ids[5], item.getId(), "conflict")
    voters = next(row["voters"] for row in seance_state(session)["items"] if row["id"] == item.getId())
    if kind == "unanimity":
        return record_vote(item, "unanimity")
    if kind == "secret":
        against = len(voters) // 2 + 2
        counts = {"pour": len(voters) - against - 1, "contre": against, "abstention": 1}
        return record_vote(item, "secret", counts=counts)
    return record_vote(item, "public", ballots=_ballots(voters, session.president, kind))


def hold_closed_seance(session, spec):
    """The closed council, held and recorded item by item; an arrival at the fourth item; its PV and list."""
    with acting_as("secretariat"):
        api.content.transition(obj=session, transition="hold")
        ids = roll_call(session)
        items = [session[key] for key, _outcome in spec["items"]]
        for number, (item, (_key, outcome), kind) in enumerate(zip(items, spec["items"], CLOSED_VOTES, strict=True)):
            if number == 3:
                record_movement(session, ids[-1], item.getId(), "arrival")
            if kind is not None:
                vote(session, item, kind, ids)
            else:
                api.content.transition(obj=item.get_deliberation(), transition=outcome, comment=session.Title())
        generate_minutes(session)
        generate_liste(session)
        publish_liste(session)
        notify_individual_decisions(session)


def notify_individual_decisions(session):
    """An individual decision (nature 3) is notified to the person it concerns, five days after the séance."""
    day = session.start.date() + datetime.timedelta(days=5)
    for item in session.agenda():
        deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
        if deliberation is not None and deliberation.nature == INDIVIDUAL and deliberation.number:
            record_notification(deliberation, min(day, datetime.date.today()))


def hold_in_progress(session):
    """The council of today: held, roll call done, the first items voted; it approves the procès-verbal of the
    closed council, which is then signed and published."""
    with acting_as("secretariat"):
        api.content.transition(obj=session, transition="hold")
        ids = roll_call(session)
        items = [item for item in session.agenda() if item.item_kind == "deliberation"]
        for item, kind in zip(items, IN_PROGRESS_VOTES, strict=False):
            vote(session, item, kind, ids)
        closed = find_by_key(aq_parent(session), CLOSED_KEY)
        if closed is not None:
            approve_minutes(session, closed)
            sign_minutes(closed, signatures=True)
            publish_minutes(closed)
