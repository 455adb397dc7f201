#!/usr/bin/env python3
"""Issue 4's figure: convening a session of 150 recipients hands every message to a local SMTP server.

    .venv/bin/python scripts/bench_convocation.py                  # 150 recipients
    .venv/bin/python scripts/bench_convocation.py --recipients 40  # a quick check

Runs with this checkout's .venv (it loads Plone through the test layer of collective.deliberations, in memory):
  1. a local SMTP server (deliberations-mailserver, the demo's, writing .eml files) on a free loopback port;
  2. a council of N members (Plone users with an address), a session 10 days ahead with one deliberation;
  3. the secretariat convenes it; the transaction commits, and the after-commit hook hands the N messages to the
     SMTP server one by one and records each acceptance: the time from the transition to the last record;
  4. the baseline, measured in the same run: the same N messages, already built, handed to the same server through
     Plone's MailHost directly (no checks, no records, no manifest). The ratio is our cost over bare sending.
The target (issue 4): under 30 s for 150 recipients. It prints the figures; it asserts that every message arrived.
"""

from pathlib import Path

import argparse
import os
import subprocess
import sys
import tempfile
import time


sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
os.environ.setdefault("zope_i18n_allowed_languages", "fr en")

from benchlib import free_port  # noqa: E402
from benchlib import table  # noqa: E402


def set_up(layer, done):
    for base in layer.__bases__:
        set_up(base, done)
    if layer not in done:
        layer.setUp()
        done.append(layer)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=150)
    args = parser.parse_args(argv)

    from collective.deliberations.convocation.storage import get_convocation
    from collective.deliberations.testing import FUNCTIONAL_TESTING
    from datetime import datetime
    from datetime import timedelta
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    import transaction

    mail_dir = Path(tempfile.mkdtemp(prefix="bench-convocation-"))
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "deliberations-mailserver"), str(mail_dir), "--port", str(port)],
        stdout=subprocess.PIPE,
    )
    server.stdout.readline()
    layers = []
    try:
        set_up(FUNCTIONAL_TESTING, layers)
        FUNCTIONAL_TESTING.testSetUp()
        portal = FUNCTIONAL_TESTING["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        for name, value in (("plone.smtp_host", "127.0.0.1"), ("plone.smtp_port", port),
                            ("plone.email_from_address", "secretariat@bench.example.org")):  # fmt: skip
            api.portal.set_registry_record(name, value)
        api.group.create(groupname="secretariat", roles=["Secretariat"])
        api.user.create(username="secretaire", email="s@bench.example.org", password="secret-1234")
        api.group.add_user(groupname="secretariat", username="secretaire")
        council = api.content.create(portal, "Assembly", id="conseil", title="Conseil communautaire")
        for number in range(args.recipients):
            user_id = f"elu-{number:03d}"
            api.user.create(username=user_id, email=f"{user_id}@bench.example.org", password="secret-1234",
                            properties={"fullname": f"Élu n° {number}"})  # fmt: skip
            api.content.create(council, "Membership", id=user_id, member=user_id)
        session = api.content.create(council, "Session", id="seance", title="Séance",
                                     start=datetime.now() + timedelta(days=10), place="Salle du conseil")  # fmt: skip
        with api.env.adopt_user(username="secretaire"):
            api.content.create(session, "AgendaItem", item_kind="information", title="Rapport d'activité")
        transaction.commit()

        started = time.perf_counter()
        with api.env.adopt_user(username="secretaire"):
            api.content.transition(session, "convene")
        transaction.commit()  # the messages leave in the after-commit hook, which records each acceptance
        convening = time.perf_counter() - started
        transaction.begin()
        statuses = [r.status for r in get_convocation(session).all()]
        assert statuses.count("sent") == args.recipients, statuses
        arrived = len(list(mail_dir.glob("*.eml")))
        assert arrived == args.recipients, arrived

        from collective.deliberations.convocation.message import build

        messages = [build(session, r, "convocation", 0) for r in get_convocation(session).all()]
        mailhost = api.portal.get_tool("MailHost")
        started = time.perf_counter()
        for message in messages:
            mailhost.send(message, mto=str(message["To"]), immediate=True)
        baseline = time.perf_counter() - started
        assert len(list(mail_dir.glob("*.eml"))) == 2 * args.recipients
    finally:  # the layers live in memory and end with the process
        server.terminate()
        server.wait(timeout=10)
    print(
        table(
            [
                (f"convene {args.recipients} recipients (checks, records, manifest, sending)", f"{convening:.2f}",
                 f"{convening / baseline:.2f}"),
                (f"baseline: the same {args.recipients} messages through MailHost", f"{baseline:.2f}", "1.00"),
            ],
            header=("measure", "seconds", "ratio"),
        )
    )  # fmt: skip
    print(f"target: under 30 s for 150 recipients -> {'met' if convening < 30 else 'NOT met'}")


if __name__ == "__main__":
    main()
