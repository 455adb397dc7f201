"""The audit log's own retention: the purge removes only the entries past the rule, strips the old addresses, and
is itself recorded."""

from collective.deliberations.audit import log
from collective.deliberations.audit.retention import purge_expired
from collective.deliberations.audit.retention import retention_years
from collective.deliberations.audit.retention import set_retention_years
from collective.deliberations.validation import InputError
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import datetime
import pytest


TODAY = datetime.date(2026, 6, 15)


def entry_of(day, title):
    entry = log.make_entry("transition", None, {}, None, target=title)
    moment = datetime.datetime.combine(day, datetime.time(12), datetime.UTC)
    return {**entry, "date": moment.isoformat(timespec="microseconds"), "title": title, "ip": "192.0.2.7"}


def test_purge_removes_only_what_the_rule_lets_go(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    assert retention_years() == 6
    for day, title in [
        (datetime.date(2020, 6, 14), "past the rule"),
        (datetime.date(2020, 6, 15), "six years to the day"),
        (datetime.date(2024, 1, 10), "old address"),
        (datetime.date(2026, 6, 1), "recent"),
    ]:
        log.append(entry_of(day, title))
    assert purge_expired(TODAY) == (1, 2)
    kept = {e["title"]: e for e in log.entries()}
    assert set(kept) >= {"six years to the day", "old address", "recent"} and "past the rule" not in kept
    assert kept["old address"]["ip"] == kept["six years to the day"]["ip"] == ""
    assert kept["recent"]["ip"] == "192.0.2.7"
    purge = log.entries()[0]
    assert (purge["action"], purge["user"], purge["details"]["removed"]) == ("audit_purge", TEST_USER_ID, 1)


def test_the_rule_is_a_setting(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    log.append(entry_of(datetime.date(2023, 6, 1), "three years old"))
    with pytest.raises(InputError):
        set_retention_years("0")
    set_retention_years("2")
    assert purge_expired(TODAY) == (1, 0)
    assert [e["action"] for e in log.entries()][:2] == ["audit_purge", "setting"]
