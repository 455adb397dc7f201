"""Votes per item: public, secret, unanimity; who may vote; the result drives adoption or rejection; the number."""

from .test_attendance import refused
from .test_attendance import roll_call
from collective.deliberations.seance.attendance import record_movement
from collective.deliberations.seance.votes import get_vote
from collective.deliberations.seance.votes import record_vote
from datetime import datetime
from plone import api


def vote(item, mode, **kwargs):
    with api.env.adopt_user(username="secretaire"):
        return record_vote(item, mode, **kwargs)


def ballots(**choices):
    return [{"member": member, "vote": choice} for member, choice in choices.items()]


def year(seance):
    return seance.session.start.year


def test_public_vote_adopts_and_numbers_the_act(seance):
    seance.everyone_present()
    item, deliberation = seance.items[0], seance.deliberations[0]
    result = vote(
        item,
        "public",
        ballots=ballots(
            marchetti="pour", girard="pour", benali="contre", roux="abstention", petit="pour", elu="npp", elu2="pour"
        ),
    )
    assert result["counts"] == {"pour": 4, "contre": 1, "abstention": 1, "npp": 1}
    assert result["exprimes"] == 5 and result["adopted"] and not result["casting_vote"]
    assert api.content.get_state(deliberation) == "adopted"
    assert deliberation.number == f"DEL{year(seance)}_001" == result["number"]
    assert get_vote(item)["ballots"]["benali"] == "contre"
    history = deliberation.workflow_history["deliberation_workflow"][-1]
    assert history["actor"] == "secretaire" and history["comments"].startswith("Adoptée : 4 pour, 1 contre")


def test_a_rejected_act_has_no_number_and_numbers_follow_each_other(seance):
    seance.everyone_present()
    first = vote(seance.items[0], "unanimity")
    assert first["counts"]["pour"] == 7 and first["adopted"]
    rejected = vote(seance.items[1], "secret", counts={"pour": 2, "contre": 4, "abstention": 1})
    assert not rejected["adopted"] and api.content.get_state(seance.deliberations[1]) == "rejected"
    assert seance.deliberations[1].number is None
    vote(seance.items[2], "unanimity")
    assert [d.number for d in (seance.deliberations[0], seance.deliberations[2])] == [
        f"DEL{year(seance)}_001",
        f"DEL{year(seance)}_002",
    ]
    found = api.content.find(act_number=f"DEL{year(seance)}_002", unrestricted=True)
    assert [b.UID for b in found] == [seance.deliberations[2].UID()]


def test_the_presidents_vote_prevails_on_a_tie_except_in_secret(seance):
    seance.everyone_present()
    tie = ballots(
        marchetti="pour",
        girard="pour",
        benali="contre",
        roux="contre",
        petit="abstention",
        elu="npp",
        elu2="abstention",
    )
    result = vote(seance.items[0], "public", ballots=tie)
    assert result["adopted"] and result["casting_vote"]
    tie = ballots(
        marchetti="contre",
        girard="pour",
        benali="contre",
        roux="pour",
        petit="abstention",
        elu="npp",
        elu2="abstention",
    )
    assert not vote(seance.items[1], "public", ballots=tie)["adopted"]
    secret = vote(seance.items[2], "secret", counts={"pour": 3, "contre": 3, "abstention": 1})
    assert not secret["adopted"] and not secret["casting_vote"]


def test_the_represented_member_votes_through_the_proxy_holder(seance):
    roll_call(seance, {m: "present" for m in ("marchetti", "girard", "benali", "roux")})
    roll_call(seance, {"petit": "represented"}, proxies={"petit": "marchetti"})
    result = vote(
        seance.items[0],
        "public",
        ballots=ballots(marchetti="pour", girard="pour", benali="contre", roux="contre", petit="pour"),
    )
    assert result["adopted"] and result["presence"]["represented"] == 1 and result["proxies"] == {"petit": "marchetti"}


def test_who_may_not_vote_is_refused_and_nothing_is_kept(seance):
    seance.everyone_present()
    item = seance.items[0]
    with api.env.adopt_user(username="secretaire"):
        record_movement(seance.session, "elu2", item.getId(), "departure")
        record_movement(seance.session, "elu", item.getId(), "conflict")
    everyone = dict(marchetti="pour", girard="pour", benali="pour", roux="pour", petit="pour")
    with refused("seance_absent_no_vote"):
        vote(item, "public", ballots=ballots(**everyone, elu2="pour"))
    with refused("seance_conflict_no_vote"):
        vote(item, "public", ballots=ballots(**everyone, elu="pour"))
    with refused("seance_voted_twice"):
        vote(item, "public", ballots=ballots(**everyone) + ballots(marchetti="contre"))
    with refused("seance_votes_missing"):
        vote(item, "public", ballots=ballots(marchetti="pour"))
    with refused("seance_vote_unknown"):
        vote(item, "public", ballots=ballots(**{**everyone, "marchetti": "peut-être"}))
    with refused("seance_not_member"):
        vote(item, "public", ballots=ballots(**everyone, agent="pour"))
    with refused("seance_counts_total"):
        vote(item, "secret", counts={"pour": 9})
    membership = seance.council["petit"]
    membership.voting_right = False
    with refused("seance_no_voting_right"):
        vote(item, "public", ballots=ballots(**everyone))
    membership.voting_right = True
    assert get_vote(item) is None and api.content.get_state(seance.deliberations[0]) == "scheduled"
    vote(item, "public", ballots=ballots(**everyone))
    with refused("seance_item_voted"):
        vote(item, "unanimity")


def test_no_vote_without_quorum_unless_convened_again(seance):
    roll_call(seance, {m: "present" for m in ("marchetti", "girard", "benali")})
    with refused("seance_no_quorum"):
        vote(seance.items[0], "unanimity")
    assert api.content.get_state(seance.deliberations[0]) == "scheduled"
    roll_call(seance, {}, reconvened=True)
    assert vote(seance.items[0], "unanimity")["counts"]["pour"] == 3


def test_adopting_by_the_workflow_numbers_the_act_too(seance):
    seance.everyone_present()
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(seance.deliberations[1], "adopt")
    assert seance.deliberations[1].number == f"DEL{year(seance)}_001"


def test_the_collectivites_pattern_and_a_new_year(seance):
    api.portal.set_registry_record("collective.deliberations.collectivite.numbering_pattern", "{year}-{seq:04d}")
    seance.everyone_present()
    vote(seance.items[0], "unanimity")
    assert seance.deliberations[0].number == f"{year(seance)}-0001"
    later = api.content.create(seance.council, "Session", id="janvier", title="Janvier", start=datetime(2031, 1, 9, 18))
    deliberation = seance.validated("Autre")
    seance.schedule(deliberation, session=later)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(deliberation, "adopt")
    assert deliberation.number == "2031-0001"


def test_who_voted_what_on_a_huis_clos_item_stays_with_the_secretariat(seance):
    from collective.deliberations.seance.state import seance_state
    from content.conftest import new_request

    seance.everyone_present()
    seance.deliberations[1].huis_clos = True
    choices = dict(marchetti="pour", girard="pour", benali="contre", roux="pour", petit="pour", elu="pour", elu2="pour")
    vote(seance.items[0], "public", ballots=ballots(**choices))
    vote(seance.items[1], "public", ballots=ballots(**choices))
    for user_id, sees_ballots in (("secretaire", True), ("elu", False)):
        new_request()
        with api.env.adopt_user(username=user_id):
            items = seance_state(seance.session)["items"]
        assert items[0]["vote"]["ballots"]["benali"] == "contre"  # a public item: the votes are public
        assert items[1]["vote"]["counts"]["contre"] == 1 and items[1]["vote"]["adopted"]
        assert ("benali" in items[1]["vote"]["ballots"]) is sees_ballots
