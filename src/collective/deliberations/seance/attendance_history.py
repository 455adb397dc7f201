"""An official's record in a body: the séances held or closed, their presence at the opening, and their public
votes (GET <membership>/@attendance). Public ballots are public (L2121-15): whoever sees the membership reads it."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.seance.attendance import Presence
from collective.deliberations.seance.record import get_record
from plone import api
from plone.restapi.services import Service


def _item_title(session, item_id):
    item = session.get(item_id)
    return item.Title() if item is not None else item_id


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
    rows = []
    for session in sorted(
        (s for s in body.objectValues() if s.portal_type == "Session"), key=lambda s: s.start or s.created()
    ):
        if api.content.get_state(session) not in ("held", "closed") or get_record(session) is None:
            continue
        record = get_record(session)
        presence = Presence(session)
        votes = [
            {"item": item_id, "title": _item_title(session, item_id), "vote": vote["ballots"][member]}
            for item_id, vote in record.votes.items()
            if vote["mode"] == "public" and member in vote["ballots"]
        ]
        rows.append(
            {
                "session": session.absolute_url(),
                "title": session.Title(),
                "start": session.start.isoformat() if session.start else None,
                "status": presence.status.get(member),
                "public_votes": votes,
            }
        )
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
