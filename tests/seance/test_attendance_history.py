"""An official's attendance and public votes in a body, through REST."""

from .test_attendance import roll_call
from collective.deliberations.seance.votes import record_vote
from plone import api

import transaction


def voted_once(held):
    """Five present, one represented, one excused; a public ballot then a secret one."""
    roll_call(held, {m: "present" for m in ("marchetti", "girard", "benali", "roux", "elu")})
    roll_call(held, {"petit": "represented", "elu2": "excused"}, proxies={"petit": "marchetti"})
    ballots = {"marchetti": "pour", "petit": "contre", "girard": "pour", "benali": "pour", "roux": "pour", "elu": "npp"}
    with api.env.adopt_user(username="secretaire"):
        record_vote(held.items[0], "public", ballots=[{"member": m, "vote": v} for m, v in ballots.items()])
        record_vote(held.items[1], "secret", counts={"pour": 5, "contre": 1})
    transaction.commit()


def test_attendance_and_public_votes_of_an_official(held, request_factory):
    voted_once(held)
    client = request_factory(basic_auth=("elu2", "secret-1234"))
    petit = client.get("conseil/petit/@attendance").json()
    assert petit["held"] == 1 and petit["present"] == 0 and petit["rate"] == 0
    assert petit["sessions"][0]["status"] == "represented"
    assert petit["sessions"][0]["public_votes"] == [
        {"item": "budget-primitif", "title": "Budget primitif", "vote": "contre"}
    ]
    elu = client.get("conseil/elu/@attendance").json()
    assert elu["rate"] == 1 and [v["vote"] for v in elu["sessions"][0]["public_votes"]] == ["npp"]
