"""The séance as one plain structure, for the REST API and the secretariat's page alike."""

from collective.deliberations.seance.attendance import agenda_ids
from collective.deliberations.seance.attendance import members
from collective.deliberations.seance.attendance import Presence
from collective.deliberations.seance.record import get_record
from collective.deliberations.security.disclosure import is_huis_clos
from collective.deliberations.security.disclosure import visible_vote
from plone import api


def item_state(session, item, number, record=None, in_office=None, order=None):
    presence = Presence(session, item.getId(), in_office, order)
    vote = record.votes.get(item.getId()) if record is not None else None
    deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
    vote = visible_vote(session, deliberation, vote)
    return {
        "id": item.getId(),
        "number": number,
        "title": item.Title(),
        "item_kind": item.item_kind,
        "deliberation_state": api.content.get_state(deliberation) if deliberation is not None else None,
        "huis_clos": is_huis_clos(deliberation),
        "presence": presence.summary(),
        "status": dict(presence.status),
        "proxies": dict(presence.proxies),
        "voters": list(presence.voters),
        "vote": dict(vote) if vote else None,
    }


def seance_state(session):
    record = get_record(session)
    in_office = members(session)
    order = agenda_ids(session)
    opening = Presence(session, None, in_office, order)
    return {
        "review_state": api.content.get_state(session),
        "president": session.president,
        "secretary": session.secretary,
        "reconvened": bool(record.reconvened) if record is not None else False,
        "members": [
            {
                "id": member_id,
                "name": membership.member_name(),
                "voting_right": bool(getattr(membership, "voting_right", True)),
                "status": opening.status[member_id],
                "proxy": (record.proxies.get(member_id) if record is not None else None),
            }
            for member_id, membership in in_office.items()
        ],
        "movements": [{"index": n, **m} for n, m in enumerate(record.movements)] if record is not None else [],
        "items": [
            item_state(session, item, number, record, in_office, order)
            for number, item in enumerate(session.agenda(), 1)
        ],
    }
