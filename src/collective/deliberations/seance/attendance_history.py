"""An official's record in a body: the séances held or closed, their presence at the opening, and their public
votes (GET <membership>/@attendance). Public ballots are public (L2121-15), within the séance: a séance the reader
may not see is not on the record, nor who voted what on a huis clos item (security/disclosure.py)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.seance.attendance import Presence
from collective.deliberations.seance.record import get_record
from collective.deliberations.security.disclosure import may_see_ballots
from collective.deliberations.security.disclosure import may_see_session
from plone import api
from plone.restapi.services import Service


def _public_votes(session, record, member):
    """The member's votes in public ballots that this reader may see, in the order they were recorded."""
    votes = []
    for item_id, vote in record.votes.items():
        item = session.get(item_id)
        deliberation = item.get_deliberation() if item is not None and item.item_kind == "deliberation" else None
        if vote["mode"] == "public" and member in vote["ballots"] and may_see_ballots(session, deliberation):
            title = item.Title() if item is not None else item_id
            votes.append({"item": item_id, "title": title, "vote": vote["ballots"][member]})
    return votes


def _sessions_on_record(body):
    """The séances held or closed that this reader may see, the oldest first."""
    sessions = (s for s in body.objectValues() if s.portal_type == "Session")
    return [
        session
        for session in sorted(sessions, key=lambda s: s.start or s.created())
        if api.content.get_state(session) in ("held", "closed")
        and get_record(session) is not None
        and may_see_session(session)
    ]


def body_rates(body):
    """[{member, name, held, present, rate}] of the members in office of a body, by name: its attendance chart."""
    from collective.deliberations.content.membership import memberships

    rows = []
    for membership in memberships(body):
        if not membership.member or not membership.is_current():
            continue
        record = history(membership)
        rows.append({**{k: record[k] for k in ("member", "held", "present", "rate")}, "name": membership.member_name()})
    return sorted(rows, key=lambda row: row["name"])


def history(membership):
    body = aq_parent(aq_inner(membership))
    member = membership.member
    rows = [
        {
            "session": session.absolute_url(),
            "title": session.Title(),
            "start": session.start.isoformat() if session.start else None,
            "status": Presence(session).status.get(member),
            "public_votes": _public_votes(session, get_record(session), member),
        }
        for session in _sessions_on_record(body)
    ]
    held = len(rows)
    present = len([r for r in rows if r["status"] == "present"])
    return {
        "member": member,
        "sessions": rows,
        "held": held,
        "present": present,
        "rate": present / held if held else None,
    }


class GetAttendance(Service):
    def reply(self):
        return {"@id": f"{self.context.absolute_url()}/@attendance", **history(self.context)}
