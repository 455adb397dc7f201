"""Roll call, proxies, arrivals and departures per item, withdrawals, and the quorum computed per item."""

from collective.deliberations.seance import SeanceError
from collective.deliberations.seance.attendance import Presence
from collective.deliberations.seance.attendance import record_movement
from collective.deliberations.seance.attendance import record_roll_call
from plone import api

import pytest


def roll_call(seance, attendance, **kwargs):
    with api.env.adopt_user(username="secretaire"):
        return record_roll_call(seance.session, attendance, **kwargs)


def refused(msgid):
    return pytest.raises(SeanceError, match="") if msgid is None else _Refusal(msgid)


class _Refusal:
    """pytest.raises(SeanceError) that also checks which message was given."""

    def __init__(self, msgid):
        self.msgid = msgid

    def __enter__(self):
        self.raises = pytest.raises(SeanceError)
        self.info = self.raises.__enter__()
        return self.info

    def __exit__(self, *exc):
        result = self.raises.__exit__(*exc)
        assert str(self.info.value.message) == self.msgid, self.info.value.message
        return result


def test_roll_call_with_a_proxy_and_the_quorum(seance):
    roll_call(
        seance,
        {"marchetti": "present", "girard": "present", "benali": "present", "roux": "excused", "elu": "present"},
        proxies={},
        secretary="girard",
    )
    roll_call(seance, {"petit": {"status": "represented", "proxy": "marchetti"}})
    presence = Presence(seance.session, "budget-primitif")
    assert presence.status["petit"] == "represented" and presence.proxies == {"petit": "marchetti"}
    assert presence.status["elu2"] == "absent"
    assert presence.summary() == {
        "in_office": 7,
        "present": 4,
        "represented": 1,
        "voters": 5,
        "quorum_needed": 4,
        "quorum": True,
    }
    assert seance.session.secretary == "girard"


def test_one_proxy_per_holder_and_holder_present(seance):
    roll_call(seance, {"marchetti": "present", "girard": "absent"})
    with refused("seance_proxy_twice"):
        roll_call(
            seance, {"roux": "represented", "petit": "represented"}, proxies={"roux": "marchetti", "petit": "marchetti"}
        )
    with refused("seance_proxy_holder_absent"):
        roll_call(seance, {"roux": "represented"}, proxies={"roux": "girard"})
    with refused("seance_proxy_missing"):
        roll_call(seance, {"roux": "represented"})
    with refused("seance_not_member"):
        roll_call(seance, {"agent": "present"})
    with refused("seance_presence_unknown"):
        roll_call(seance, {"roux": "là"})
    # nothing of the refused calls was kept
    assert Presence(seance.session).status["roux"] == "absent"


def test_arrivals_departures_and_conflicts_per_item(seance):
    seance.everyone_present()
    first, second, third = (item.getId() for item in seance.items)
    with api.env.adopt_user(username="secretaire"):
        record_movement(seance.session, "petit", second, "departure", proxy="roux")
        record_movement(seance.session, "elu", second, "conflict")
        record_movement(seance.session, "benali", third, "departure")
    assert Presence(seance.session, first).summary()["present"] == 7
    at_second = Presence(seance.session, second)
    assert at_second.status["elu"] == "conflict" and at_second.proxies == {"petit": "roux"}
    assert at_second.summary()["present"] == 5 and "elu" not in at_second.voters
    at_third = Presence(seance.session, third)
    assert at_third.status["elu"] == "present" and at_third.status["benali"] == "absent"
    assert at_third.summary() == {
        "in_office": 7,
        "present": 5,
        "represented": 1,
        "voters": 6,
        "quorum_needed": 4,
        "quorum": True,
    }
    with api.env.adopt_user(username="secretaire"), refused("seance_not_present"):
        record_movement(seance.session, "benali", third, "departure")
    with api.env.adopt_user(username="secretaire"):
        record_movement(seance.session, "benali", third, "arrival")
    assert Presence(seance.session, third).status["benali"] == "present"


def test_quorum_lost_when_too_many_leave(seance):
    roll_call(seance, {m: "present" for m in ("marchetti", "girard", "benali", "roux")})
    assert Presence(seance.session, seance.items[0].getId()).quorum
    with api.env.adopt_user(username="secretaire"):
        record_movement(seance.session, "roux", seance.items[1].getId(), "departure")
    assert Presence(seance.session, seance.items[0].getId()).quorum
    assert not Presence(seance.session, seance.items[1].getId()).quorum


def test_only_a_held_session_records_presence(seance):
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(seance.session, "close")
    with refused("seance_not_held"):
        roll_call(seance, {"marchetti": "present"})


def test_a_movement_entered_by_mistake_is_cancelled_until_a_vote_counted_it(seance):
    from collective.deliberations.seance.attendance import cancel_movement
    from collective.deliberations.seance.votes import record_vote

    seance.everyone_present()
    first, second, third = (item.getId() for item in seance.items)
    with api.env.adopt_user(username="secretaire"):
        record_movement(seance.session, "roux", second, "departure")
        record_movement(seance.session, "elu", first, "conflict")
        cancel_movement(seance.session, 0)
    assert Presence(seance.session, third).status["roux"] == "present"
    assert Presence(seance.session, first).status["elu"] == "conflict"
    with api.env.adopt_user(username="secretaire"):
        record_vote(seance.items[0], "unanimity")
    with api.env.adopt_user(username="secretaire"), refused("seance_movement_voted"):
        cancel_movement(seance.session, 0)
    with api.env.adopt_user(username="secretaire"), refused("seance_movement_none"):
        cancel_movement(seance.session, 5)


def test_the_roll_call_starts_from_the_convocations_presence_answers(seance):
    from collective.deliberations.convocation.presence import record_answer
    from collective.deliberations.convocation.storage import get_convocation
    from collective.deliberations.seance.attendance import answers_as_roll_call

    convocation = get_convocation(seance.session)
    for member, answer, proxy in (("elu", "present", None), ("elu2", "procuration", "elu"), ("petit", "absent", None)):
        record_answer(seance.session, convocation, convocation.get(member), answer, proxy=proxy)
    attendance, proxies = answers_as_roll_call(seance.session)
    assert attendance == {"elu": "present", "elu2": "represented", "petit": "excused"} and proxies == {"elu2": "elu"}
    roll_call(seance, attendance, proxies=proxies)
    presence = Presence(seance.session)
    assert presence.status["elu2"] == "represented" and presence.proxies == {"elu2": "elu"}
    assert presence.status["marchetti"] == "absent"  # no answer: the secretariat records what it sees
