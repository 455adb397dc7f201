#!/usr/bin/env python3
"""Issue 6's figure: recording the public vote of a council of 50 members, through REST, against the baseline of
adopting the same kind of deliberation by the stock workflow transition (POST @workflow/adopt), in the same site.

    .venv/bin/python scripts/bench_seance.py                      # 50 members, 27 votes, 60 items (about 2 min)
    .venv/bin/python scripts/bench_seance.py --members 100 --votes 40

It sets up the functional test layer of the add-on (a real Plone site on a DemoStorage, served by a real WSGI server
on a loopback port), creates through the API a council of N members and a held séance with 2 x (votes + warm-up)
scheduled deliberations, records the roll call (everyone present but one, who gives a proxy), then:
  - POST <item>/@vote with N public ballots (each member pour/contre/abstention), one item per request: the server
    checks every voter (membership, voting right, presence, proxy, quorum), keeps the vote, fires `adopt` or
    `reject` on the deliberation and numbers the act;
  - the baseline: POST <deliberation>/@workflow/adopt on as many other deliberations (the transition, its events
    and the numbering, without any vote);
  - GET <session>/@seance (the whole séance: members, presence, quorum and votes of every item);
  - POST <session>/@proces-verbal: the draft procès-verbal of the whole séance (every item, every public vote with
    the voters' names), an .odt made by LibreOffice, 3 times; its baseline: POST @liste-deliberations (one short
    table, the same LibreOffice round trip). The target: under 30 s for a 60-item séance.
Times are taken by the client over loopback on a kept-alive connection (the server's time plus well under a
millisecond); median and p90 in ms, and the ratio to the baseline's median. The target: under 1 s for the vote.
"""

from pathlib import Path

import argparse
import json
import os
import sys
import time


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
os.environ.setdefault("ZSERVER_PORT", "55209")

from benchlib import Client  # noqa: E402
from benchlib import summary_ms  # noqa: E402
from benchlib import table  # noqa: E402


PASSWORD = "secret-1234"


def set_up(layer, done):
    for base in layer.__bases__:
        set_up(base, done)
    if layer not in done:
        layer.setUp()
        done.append(layer)


def build(portal, members, deliberations):
    from collective.deliberations.seance.attendance import record_roll_call
    from datetime import datetime
    from datetime import timedelta
    from plone import api

    api.user.create(username="secretaire", email="s@example.org", password=PASSWORD)
    api.group.create(groupname="secretariat", roles=["Secretariat"])
    api.group.add_user(groupname="secretariat", username="secretaire")
    service = api.content.create(portal, "Service", id="finances", title="Finances")
    council = api.content.create(portal, "Assembly", id="conseil", title="Conseil communautaire")
    ids = [f"conseiller-{n:03d}" for n in range(1, members + 1)]
    for user_id in ids:
        api.user.create(username=user_id, email=f"{user_id}@example.org", password=PASSWORD)
        api.content.create(council, "Membership", id=user_id, member=user_id)
    session = api.content.create(
        council, "Session", id="seance", title="Séance", start=datetime.now() + timedelta(days=10), president=ids[0]
    )
    names = []
    for n in range(deliberations):
        deliberation = api.content.create(service, "Deliberation", id=f"d{n:03d}", title=f"Objet {n}", matiere="7.1")
        for transition in ("propose", "validate"):
            api.content.transition(deliberation, transition)
        api.content.create(
            session, "AgendaItem", id=f"d{n:03d}", item_kind="deliberation", deliberation=deliberation.UID()
        )
        names.append(deliberation.getId())
    api.content.transition(session, "convene")
    api.content.transition(session, "hold")
    attendance = {user_id: "present" for user_id in ids}
    attendance[ids[-1]] = {"status": "represented", "proxy": ids[0]}
    record_roll_call(session, attendance, secretary=ids[1])
    return ids, names


def timed_posts(client, requests):
    times = []
    for path, body in requests:
        status, data, seconds = client.request(
            "POST", path, body=json.dumps(body).encode() if body else None,
            headers={"Accept": "application/json", "Content-Type": "application/json"},
        )  # fmt: skip
        if status not in (200, 201):
            raise SystemExit(f"POST {path}: {status} {data[:300]!r}")
        times.append(seconds)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--votes", type=int, default=27)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    from collective.deliberations.testing import FUNCTIONAL_TESTING
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    import transaction

    started = time.monotonic()
    done = []
    set_up(FUNCTIONAL_TESTING, done)
    FUNCTIONAL_TESTING.testSetUp()
    try:
        portal = FUNCTIONAL_TESTING["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        per_kind = args.votes + args.warmup
        ids, names = build(portal, args.members, 2 * per_kind)
        transaction.commit()
        print(f"site ready: {args.members} members, {2 * per_kind} items ({time.monotonic() - started:.0f} s)")
        port = FUNCTIONAL_TESTING["port"]
        site = "/" + portal.getId()
        choices = ("pour", "pour", "contre", "abstention")
        votes = [
            (
                f"{site}/conseil/seance/{name}/@vote",
                {"mode": "public", "ballots": [{"member": m, "vote": choices[i % 4]} for i, m in enumerate(ids)]},
            )
            for name in names[:per_kind]
        ]
        adoptions = [(f"{site}/finances/{name}/@workflow/adopt", None) for name in names[per_kind:]]
        client = Client(port, "secretaire", PASSWORD)
        try:
            vote_times = timed_posts(client, votes)[args.warmup :]
            adopt_times = timed_posts(client, adoptions)[args.warmup :]
            read_times = [
                client.get(f"{site}/conseil/seance/@seance", Accept="application/json")[2]
                for _ in range(args.votes + args.warmup)
            ][args.warmup :]
            documents = {}
            for service in ("@liste-deliberations", "@proces-verbal"):
                documents[service] = timed_posts(client, [(f"{site}/conseil/seance/{service}", None)] * 3)
        finally:
            client.close()
        transaction.begin()
        numbers = sorted(portal.finances[name].number for name in names if portal.finances[name].number is not None)
        if len(set(numbers)) != len(numbers):
            raise SystemExit(f"duplicate numbers: {numbers}")
        baseline = summary_ms(adopt_times)
        rows = []
        for label, times in (
            (f"POST @vote, public ballot of {args.members} members (adopt or reject, number)", vote_times),
            ("baseline: POST @workflow/adopt (stock transition, number, no vote)", adopt_times),
            (f"GET @seance ({args.members} members, {2 * per_kind} items)", read_times),
        ):
            median, p90 = summary_ms(times)
            rows.append((label, f"{median:.1f}", f"{p90:.1f}", f"{median / baseline[0]:.2f}"))
        liste = summary_ms(documents["@liste-deliberations"])
        for label, times in (
            (f"POST @proces-verbal ({2 * per_kind} items, .odt by LibreOffice)", documents["@proces-verbal"]),
            ("baseline: POST @liste-deliberations (.pdf by LibreOffice)", documents["@liste-deliberations"]),
        ):
            median, p90 = summary_ms(times)
            rows.append((label, f"{median:.1f}", f"{p90:.1f}", f"{median / liste[0]:.2f} (of the list)"))
        print()
        print(table(rows, ("request (secretariat, loopback)", "median ms", "p90 ms", "x baseline")))
        print()
        verdict = "OK" if summary_ms(vote_times)[1] < 1000 else "ABOVE TARGET"
        print(f"target: a {args.members}-member public vote under 1 s server-side (p90): {verdict}")
        verdict = "OK" if max(documents["@proces-verbal"]) < 30 else "ABOVE TARGET"
        print(f"target: the procès-verbal of a {2 * per_kind}-item séance under 30 s (slowest of 3): {verdict}")
        print(f"acts numbered: {len(numbers)}, distinct: {len(set(numbers))}, first {numbers[0]}, last {numbers[-1]}")
    finally:
        FUNCTIONAL_TESTING.testTearDown()
        for layer in reversed(done):
            layer.tearDown()


if __name__ == "__main__":
    main()
