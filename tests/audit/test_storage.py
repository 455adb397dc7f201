"""Two Zope processes (two ZODB connections) write entries at the same time: BTrees resolve the concurrent inserts
of different keys, where a counter (archives/log.py's maxKey() + 1) would conflict."""

from collective.deliberations.audit import log
from persistent import Persistent
from zope.annotation.interfaces import IAttributeAnnotatable
from zope.interface import implementer

import pytest
import transaction
import ZODB
import ZODB.FileStorage


@implementer(IAttributeAnnotatable)
class Site(Persistent):
    """A stand-in for the portal: what the log needs of it is its annotations."""


@pytest.fixture
def db(integration, tmp_path):
    database = ZODB.DB(ZODB.FileStorage.FileStorage(str(tmp_path / "Data.fs")))
    yield database
    database.close()


def open_site_first(db):
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    connection.root()["site"] = Site()
    log.append(log.make_entry("transition", target="/plone/conseil/first"), connection.root()["site"])
    manager.commit()
    return manager, connection


def open_site(db):
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    return manager, connection, connection.root()["site"]


def test_concurrent_entries_are_both_kept(db):
    manager, connection = open_site_first(db)
    first, first_connection, first_site = open_site(db)
    second, second_connection, second_site = open_site(db)
    log.append(log.make_entry("vote", target="/plone/conseil/a"), first_site)
    log.append(log.make_entry("vote", target="/plone/conseil/b"), second_site)
    first.commit()
    second.commit()  # no ConflictError: the bucket's inserts are resolved
    manager.begin()
    assert sorted(e["path"] for e in log.entries(site=connection.root()["site"])) == [
        "/plone/conseil/a",
        "/plone/conseil/b",
        "/plone/conseil/first",
    ]
    for each in (connection, first_connection, second_connection):
        each.close()
