"""Two secretaries adopting at the same moment: two real ZODB connections, two transactions, one counter.

The later commit conflicts (the counter has no conflict resolution on purpose); run again, as the publisher does
on a ConflictError, it takes the next number: no duplicate, no gap. An aborted adoption gives no number away.
"""

from collective.deliberations.acts.numbering import counters
from collective.deliberations.acts.numbering import last_number
from collective.deliberations.acts.numbering import take
from ZODB.POSException import ConflictError

import pytest
import threading
import transaction


def open_site(db, portal_id):
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    return manager, connection, connection.root()["Application"][portal_id]


def test_two_transactions_take_two_numbers(functional_portal):
    db = functional_portal._p_jar.db()
    counters(functional_portal)
    transaction.commit()
    first_tm, first_conn, first_site = open_site(db, functional_portal.getId())
    second_tm, second_conn, second_site = open_site(db, functional_portal.getId())
    try:
        first_tm.begin()
        second_tm.begin()
        assert take(counters(first_site), 2030) == 1
        assert take(counters(second_site), 2030) == 1  # both read the same counter
        first_tm.commit()
        with pytest.raises(ConflictError):
            second_tm.commit()
        second_tm.abort()
        assert take(counters(second_site), 2030) == 2  # run again, as the publisher retries
        second_tm.commit()
        # an adoption that fails after taking its number gives it back
        first_tm.begin()
        assert take(counters(first_site), 2030) == 3
        first_tm.abort()
    finally:
        first_conn.close()
        second_conn.close()
    transaction.begin()
    assert last_number(2030, functional_portal) == 2


def test_threads_retrying_on_conflict_give_each_number_once(functional_portal):
    db = functional_portal._p_jar.db()
    counters(functional_portal)
    transaction.commit()
    taken, both_took = [], threading.Barrier(2)

    def secretary():
        manager, connection, site = open_site(db, functional_portal.getId())
        try:
            for number, attempt in enumerate(manager.attempts(10)):
                with attempt:
                    value = take(counters(site), 2031)
                    if number == 0:
                        both_took.wait(30)  # both transactions are open when the first commits
            taken.append(value)
        finally:
            connection.close()

    threads = [threading.Thread(target=secretary) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(taken) == [1, 2]
    transaction.begin()
    assert last_number(2031, functional_portal) == 2


def test_two_secretaries_voting_at_once_through_rest(functional_portal):
    """Two votes posted at the same moment on two items, through the real server: two acts, two numbers in order."""
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from seance.conftest import Seance

    import requests

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    seance = Seance(functional_portal)
    seance.everyone_present()
    transaction.commit()
    url = functional_portal.absolute_url()
    answers, start = {}, threading.Barrier(2)

    def vote(item_id):
        start.wait(30)
        answers[item_id] = requests.post(
            f"{url}/conseil/seance/{item_id}/@vote",
            json={"mode": "unanimity"},
            auth=("secretaire", "secret-1234"),
            headers={"Accept": "application/json"},
            timeout=60,
        )

    threads = [threading.Thread(target=vote, args=(item.getId(),)) for item in seance.items[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    assert [answers[item.getId()].status_code for item in seance.items[:2]] == [201, 201]
    numbers = sorted(answer.json()["vote"]["number"] for answer in answers.values())
    year = seance.session.start.year
    assert numbers == [f"DEL{year}_001", f"DEL{year}_002"]
    transaction.begin()
    assert last_number(year, functional_portal) == 2
