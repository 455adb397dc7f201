#!/usr/bin/env python3
"""The dashboard's section *Publications à faire* with many held séances: read from the catalog (the index
``publication_due`` and the metadata ``publication_deadlines``) against the baseline of the former way, in the same
site: every held or closed séance of the last 550 days woken (getObject) and its deadlines computed from it.

    .venv/bin/python scripts/bench_publications.py                 # 300 séances (about a minute)
    .venv/bin/python scripts/bench_publications.py --sessions 1000

It sets up the functional test layer (a real Plone site on a DemoStorage), creates one council and N séances held
on the N last days, the list of every other one published; then times each way 7 times, the ZODB cache emptied
before each run (the objects read from the storage, as on a server whose cache holds other things). Median and p90
in ms, the ratio of the catalog's median to the baseline's, and a check that both find the same rows.
"""

from pathlib import Path

import argparse
import os
import sys
import time


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

from benchlib import setup_layer  # noqa: E402
from benchlib import summary_ms  # noqa: E402
from benchlib import table  # noqa: E402


def build(portal, count):
    from collective.deliberations.seance.publication import _record
    from datetime import datetime
    from datetime import timedelta
    from plone import api

    council = api.content.create(portal, "Assembly", id="conseil", title="Conseil municipal")
    api.user.create(username="elu", email="elu@example.org", password="secret-1234")
    api.content.create(council, "Membership", id="elu", member="elu")
    for n in range(count):
        session = api.content.create(
            council, "Session", id=f"s{n:04d}", title=f"Séance {n}", start=datetime.now() + timedelta(days=10)
        )
        api.content.create(session, "AgendaItem", id="information", item_kind="information", title="Information")
        api.content.transition(session, "convene")
        api.content.transition(session, "hold")
        session.start = datetime.now() - timedelta(days=n + 1)  # held on one of the N last days
        session.reindexObject()
        if n % 2:
            _record(session, create=True)["liste_published"] = datetime.now().isoformat()
            session.reindexObject(idxs=["publication_due"])


def baseline():
    """The former way: every held or closed séance of the last 550 days woken, its deadlines computed."""
    from collective.deliberations.seance.deadlines import deadlines
    from DateTime import DateTime
    from plone import api

    brains = api.content.find(
        portal_type="Session",
        review_state=["held", "closed"],
        start={"query": DateTime() - 550, "range": "min"},
        sort_on="start",
    )
    return [(brain.getPath(), row["kind"]) for brain in brains for row in deadlines(brain.getObject())]


def catalog_only():
    from collective.deliberations.seance.deadlines import pending_publications

    return [(brain.getPath(), row["kind"]) for brain, row in pending_publications()]


def runs(portal, function, times):
    seconds, found = [], None
    for _ in range(times):
        portal._p_jar.cacheMinimize()
        started = time.perf_counter()
        found = function()
        seconds.append(time.perf_counter() - started)
    return seconds, found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--times", type=int, default=7)
    args = parser.parse_args()

    from collective.deliberations.testing import FUNCTIONAL_TESTING
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME
    from plone.app.testing.helpers import login

    import transaction

    started = time.monotonic()
    setup_layer(FUNCTIONAL_TESTING)
    portal = FUNCTIONAL_TESTING["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    build(portal, args.sessions)
    transaction.commit()
    print(f"site ready: {args.sessions} held séances ({time.monotonic() - started:.0f} s)")
    old, old_rows = runs(portal, baseline, args.times)
    new, new_rows = runs(portal, catalog_only, args.times)
    if sorted(old_rows) != sorted(new_rows):
        raise SystemExit(f"the two ways differ: {len(old_rows)} rows against {len(new_rows)}")
    old_median, old_p90 = summary_ms(old)
    new_median, new_p90 = summary_ms(new)
    print(
        table(
            [
                ("baseline: séances woken", f"{old_median:.1f}", f"{old_p90:.1f}", "1.00", str(len(old_rows))),
                (
                    "catalog only",
                    f"{new_median:.1f}",
                    f"{new_p90:.1f}",
                    f"{new_median / old_median:.2f}",
                    str(len(new_rows)),
                ),
            ],
            header=("Publications à faire", "median ms", "p90 ms", "ratio", "rows"),
        )
    )


if __name__ == "__main__":
    main()
