"""The vote on an agenda item: public (each member's vote), secret (counts), or unanimity; its result drives the
deliberation's adopt or reject transition (CGCT L2121-17, L2121-20, L2121-21)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.audit.log import record as audit
from collective.deliberations.seance import refuse
from collective.deliberations.seance.attendance import check_held
from collective.deliberations.seance.attendance import CONFLICT
from collective.deliberations.seance.attendance import name
from collective.deliberations.seance.attendance import Presence
from collective.deliberations.seance.record import get_record
from DateTime import DateTime
from plone import api


CHOICES = ("pour", "contre", "abstention", "npp")  # npp: ne prend pas part au vote
MODES = ("public", "secret", "unanimity")


def _deliberation_to_vote(item):
    deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
    if deliberation is None:
        refuse(_("seance_item_no_vote", default="This item has no deliberation to vote on."))
    if api.content.get_state(deliberation) != "scheduled":
        refuse(_("seance_deliberation_not_scheduled", default="This deliberation is no longer awaiting a vote."))
    return deliberation


def _check_quorum(session, presence, record):
    if not presence.quorum and not record.reconvened:
        refuse(
            _(
                "seance_no_quorum",
                default="No quorum: ${present} members present out of ${in_office} in office, ${needed} needed."
                " The vote is refused; convene the council again (no quorum is needed then).",
                mapping={
                    "present": len(presence.present_voting),
                    "in_office": len(presence.voting),
                    "needed": presence.quorum_needed,
                },
            )
        )


def _check_voter(session, presence, member, seen):
    who = name(session, member)
    if member not in presence.in_office:
        refuse(
            _(
                "seance_not_member",
                default="${member} is not a member in office of this body.",
                mapping={"member": member},
            )
        )
    if member not in presence.voting:
        refuse(
            _("seance_no_voting_right", default="${member} has no voting right in this body.", mapping={"member": who})
        )
    if presence.status[member] == CONFLICT:
        refuse(
            _(
                "seance_conflict_no_vote",
                default="${member} left the room for a conflict of interest on this item and does not vote.",
                mapping={"member": who},
            )
        )
    if member not in presence.voters:
        refuse(
            _(
                "seance_absent_no_vote",
                default="${member} is absent at this item and not represented: no vote.",
                mapping={"member": who},
            )
        )
    if member in seen:
        refuse(_("seance_voted_twice", default="${member} has already voted on this item.", mapping={"member": who}))


def _public_counts(session, presence, ballots):
    seen = {}
    for ballot in ballots:
        member, choice = ballot.get("member"), ballot.get("vote")
        _check_voter(session, presence, member, seen)
        if choice not in CHOICES:
            refuse(
                _(
                    "seance_vote_unknown",
                    default="« ${vote} » is no vote: pour, contre, abstention or npp (ne prend pas part).",
                    mapping={"vote": str(choice)},
                )
            )
        seen[member] = choice
    missing = [name(session, m) for m in presence.voters if m not in seen]
    if missing:
        refuse(
            _(
                "seance_votes_missing",
                default="The vote of these members is missing: ${names}.",
                mapping={"names": ", ".join(missing)},
            )
        )
    counts = {choice: 0 for choice in CHOICES}
    for choice in seen.values():
        counts[choice] += 1
    return seen, counts


def _secret_counts(presence, counts):
    try:
        counts = {choice: int((counts or {}).get(choice, 0)) for choice in CHOICES}
    except (TypeError, ValueError):
        refuse(_("seance_counts_numbers", default="The counts of a secret ballot are whole numbers."))
    total = sum(counts.values())
    if min(counts.values()) < 0 or total == 0 or total > len(presence.voters):
        refuse(
            _(
                "seance_counts_total",
                default="A secret ballot counts between 1 and ${voters} votes (the voters present or represented),"
                " not ${total}.",
                mapping={"voters": len(presence.voters), "total": total},
            )
        )
    return counts


def outcome(mode, counts, ballots, president):
    """(adopted, casting vote used): majority of the suffrages exprimés; on a tie the president's vote prevails,
    except in a secret ballot."""
    if counts["pour"] > counts["contre"]:
        return True, False
    if counts["pour"] == counts["contre"] and counts["pour"] and mode == "public":
        choice = ballots.get(president)
        if choice in ("pour", "contre"):
            return choice == "pour", True
    return False, False


def record_vote(item, mode, ballots=None, counts=None):
    """Check everything, keep the vote, and fire adopt or reject on the deliberation. Returns the vote."""
    session = aq_parent(aq_inner(item))
    check_held(session)
    if mode not in MODES:
        refuse(
            _(
                "seance_vote_mode",
                default="« ${mode} » is no kind of vote: public, secret or unanimity.",
                mapping={"mode": str(mode)},
            )
        )
    record = get_record(session, create=True)
    item_id = item.getId()
    if item_id in record.votes:
        refuse(_("seance_item_voted", default="The vote on this item is already recorded."))
    deliberation = _deliberation_to_vote(item)
    presence = Presence(session, item_id)
    _check_quorum(session, presence, record)
    if not presence.voters:
        refuse(_("seance_no_voters", default="Nobody present or represented may vote on this item."))
    by_member = {}
    if mode == "public":
        by_member, counts = _public_counts(session, presence, list(ballots or []))
    elif mode == "unanimity":
        by_member = {member: "pour" for member in presence.voters}
        counts = {choice: 0 for choice in CHOICES}
        counts["pour"] = len(presence.voters)
    else:
        counts = _secret_counts(presence, counts)
    adopted, casting = outcome(mode, counts, by_member, session.president)
    vote = {
        "mode": mode,
        "ballots": dict(by_member) if mode == "public" else {},
        "counts": counts,
        "exprimes": counts["pour"] + counts["contre"],
        "adopted": adopted,
        "casting_vote": casting,
        "presence": presence.summary(),
        "proxies": dict(presence.proxies),
        "conflicts": [m for m, s in presence.status.items() if s == CONFLICT],
        "recorded_by": api.user.get_current().getId(),
        "date": DateTime().ISO8601(),
    }
    record.votes[item_id] = vote
    comment = "{} : {} pour, {} contre, {} abstention(s)".format(
        "Adoptée" if adopted else "Rejetée", counts["pour"], counts["contre"], counts["abstention"]
    )
    api.content.transition(obj=deliberation, transition="adopt" if adopted else "reject", comment=comment)
    vote["number"] = deliberation.number
    record.votes[item_id] = vote
    audit("vote", deliberation, {"item": item_id, "mode": mode, "adopted": adopted, **counts})
    return vote


def get_vote(item):
    record = get_record(aq_parent(aq_inner(item)))
    return record.votes.get(item.getId()) if record is not None else None


def presence_and_vote(session, item):
    """(presence, vote) for the act's text (acts/rendering.py asks it as the utility ISeanceRecord): the vote
    recorded at the séance with its presence, else the presence at the item."""
    vote = get_vote(item) if item is not None else None
    if vote is not None:
        return vote["presence"], vote
    return Presence(session, item.getId() if item is not None else None).summary(), None
