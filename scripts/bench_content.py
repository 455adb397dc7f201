#!/usr/bin/env python3
"""Issue 3's figures: the dashboards and the agenda page on a site of 10,000 deliberations and 2,000 sessions,
against a stock Plone folder listing of the same size, and the convocation of a session of 100 items.

    python3 scripts/bench_content.py                                   # full size: 10,000 / 2,000 (about 25 min)
    python3 scripts/bench_content.py --deliberations 500 --sessions 100   # a quick check (about 3 min)
    python3 scripts/bench_content.py --keep                            # keep the temporary directory (path printed)
    python3 scripts/bench_content.py --reuse /tmp/deliberations-bench-content-xxxx   # measure a kept site again

It clones the current commit (--worktree: uses the working tree as it is) and runs it with this checkout's .venv
(run `make install` first), in a temporary directory:
  1. a throwaway instance (scripts/instance_config.py), the demo site (deliberations-site);
  2. the data generator (deliberations-generate, collective.deliberations_demo.generator), timed: services, council,
     bureau, commissions, accounts, years of sessions and deliberations in every state, and one planned council
     session of exactly 100 scheduled deliberations;
  3. in the same site, two stock Plone Folders of as many Documents as deliberations (the baseline), then a snapshot
     of the catalog's security index (allowedRolesAndUsers) of every object;
  4. the instance on a free loopback port (runwsgi), and N sequential requests (after a warm-up) of each page below,
     each as the user it is for; median and p90 in ms, and the ratios to the stock listing's median;
  5. POST @workflow/convene of the 100-item session as the secretariat, timed; an official of the council gets 401
     on one of its deliberations before and 200 after; then hold and close, timed;
  6. the instance stopped, what changed: the content objects each of those requests wrote (from the database's
     transaction log) and the catalog entries whose security changed, which must all be the session's own objects
     (the session, its agenda items, its deliberations).

The baseline. The dashboards and the agenda page are Classic UI pages: the whole page with its site chrome, built
from catalog queries filtered by the user's roles. The fair stock equivalent is the default view (listing_view) of a
Folder of 10,000 Documents seen by an ordinary authenticated user (Reader on the folder): the whole page with the
same chrome, listing 20 items from a catalog query filtered by the same security index. Two things of stock Plone
would otherwise measure navigation rather than a listing, so the baseline folder avoids them as a site manager would:
  - the folder and its documents are excluded from the navigation (exclude_from_nav): else the global menu of every
    page of the site, the dashboards included, lists all 10,000 documents;
  - the site's portlets are blocked in the folder (Manage portlets): else the navigation portlet builds its tree of
    all 10,000 documents on every view of the folder (to drop the excluded ones afterwards), even with ajax_load.
A second folder of as many documents keeps the stock portlets: its listing is measured as well, and the ratios to it
printed in a second column. The baseline folder's REST @search (20 items, JSON) is measured for information only: it
renders no page, which the dashboards do. Times are measured by the client over loopback on a kept-alive connection:
the server's time plus well under a millisecond. The instance serves with 4 threads, each with its own object cache:
the warm-up (10 requests) lets them all load what the page needs.

The pages are in PAGES below: (label, who, path); `{site}`, `{typical}`, `{convening}`, `{folder}` are filled in.
Without @@deliberations-dashboard (404), the dashboards are measured through their REST @search equivalents
(FALLBACK) and the table says so. Only loopback traffic; it stops everything it started; it removes the temporary
directory unless --keep.
"""

from benchlib import Client
from benchlib import free_port
from benchlib import summary_ms
from benchlib import table
from datetime import date
from pathlib import Path

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "demo1234"  # the generator's accounts (collective.deliberations_demo.generator)
AGENT, VALIDATOR, SECRETARY, OFFICIAL = "agent-finances", "valideur-finances", "secretaire", "elu-01"
BASELINE = "stock folder: listing_view (20 of {documents} Documents), its navigation portlet blocked"
STOCK = "stock folder: listing_view (20 of {documents}), stock portlets (navigation tree of all {documents})"

# (label, user, path): what is measured; the ratios are to BASELINE's median, and to STOCK's.
PAGES = [
    ("agent dashboard (my drafts)", AGENT, "{site}/@@deliberations-dashboard"),
    ("validator dashboard (to validate)", VALIDATOR, "{site}/@@deliberations-dashboard"),
    ("secretariat dashboard (awaiting a session, upcoming sessions)", SECRETARY, "{site}/@@deliberations-dashboard"),
    ("agenda page, typical council session ({typical_items} items), official", OFFICIAL, "{typical}"),
    ("agenda page, planned session ({convening_items} items), secretariat", SECRETARY, "{convening}"),
    (BASELINE, SECRETARY, "{folder}"),
    (STOCK, SECRETARY, "{stock_folder}"),
    ("stock folder: REST @search, b_size=20 (JSON only)", SECRETARY, "{folder}/@search?path.depth=1&b_size=20"),
]
# The dashboards' catalog queries through REST, when the dashboard view does not exist.
FALLBACK = {
    AGENT: "{site}/@search?portal_type=Deliberation&Creator=agent-finances&sort_on=modified&sort_order=descending"
    "&b_size=50",
    VALIDATOR: "{site}/@search?portal_type=Deliberation&review_state=proposed&path={site}/service-finances"
    "&sort_on=modified&b_size=50",
    SECRETARY: "{site}/@search?portal_type=Deliberation&review_state=validated&sort_on=modified&b_size=50",
}
FALLBACK_SESSIONS = (
    "{site}/@search?portal_type=Session&review_state=planned&review_state=convened&sort_on=start&b_size=50"
)


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="deliberations-bench-content-"))
        self.source = ROOT if args.worktree else self.work / "clone"
        self.instance = self.work / "instance"
        self.python = ROOT / ".venv" / "bin" / "python"
        self.env = {**os.environ, "PYTHONPATH": str(self.source / "src")}
        self.server = None
        self.port = args.port or free_port()
        self.figures = []

    def log(self, message):
        print(message, flush=True)

    def run(self, *command, prefix=None, **kwargs):
        """Run a command of the instance's Python; echo the lines starting with `prefix`; return seconds."""
        started = time.monotonic()
        with open(self.work / "commands.log", "a") as log:
            process = subprocess.Popen(
                command, cwd=self.work, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            for line in process.stdout:
                log.write(line)
                if prefix and line.startswith(prefix):
                    print("   " + line.rstrip(), flush=True)
            if process.wait():
                raise SystemExit(f"failed ({process.returncode}): {' '.join(map(str, command))}; see {log.name}")
        return time.monotonic() - started

    def script(self, name, *arguments):
        """Run one of the instance-side scripts beside this one (bench_content_setup.py, bench_content_snapshot.py)."""
        return self.run(self.python, self.source / "scripts" / name, *map(str, arguments), prefix="[")

    # ------------------------------------------------------------------ preparation

    def prepare(self):
        args = self.args
        data = self.instance / "var" / "filestorage" / "Data.fs"
        pristine = self.work / "Data.fs.prepared"
        if args.reuse:
            self.log(f"reusing {self.work}: the prepared database is restored")
            for suffix in ("", ".index"):
                shutil.copyfile(f"{pristine}{suffix}", f"{data}{suffix}")
            self.conf, self.ini = self.instance / "etc" / "zope.conf", self.instance / "etc" / "zope.ini"
            self.facts = json.loads((self.work / "facts.json").read_text())
            self.figures = json.loads((self.work / "figures.json").read_text())
            return
        if not args.worktree:
            self.log(f"cloning the current commit into {self.source}")
            subprocess.run(["git", "clone", "-q", str(ROOT), str(self.source)], check=True)
        sys.path.insert(0, str(self.source / "scripts"))
        import instance_config

        self.conf, self.ini = instance_config.write(self.instance, port=self.port)
        self.log("1. the demo site (deliberations-site)...")
        self.run(self.python, "-m", "collective.deliberations_demo.cli", self.conf, prefix="[")
        reference = date.today().isoformat()
        self.log(f"2. the generator: {args.deliberations} deliberations, {args.sessions} sessions...")
        seconds = self.run(
            self.python,
            "-m",
            "collective.deliberations_demo.generator",
            self.conf,
            f"--deliberations={args.deliberations}",
            f"--sessions={args.sessions}",
            f"--seed={args.seed}",
            f"--reference={reference}",
            prefix="[",
        )
        self.figures.append((f"generation ({args.deliberations} deliberations, {args.sessions} sessions)", seconds))
        self.log(f"   {seconds:.0f} s")
        self.log(f"3. two stock folders of {args.deliberations} Documents each, and the facts...")
        facts = self.work / "facts.json"
        arguments = (self.conf, "Plone", args.deliberations, args.deliberations, args.sessions, args.seed, reference)
        seconds = self.script("bench_content_setup.py", *arguments, facts)
        self.figures.append((f"two stock folders of {args.deliberations} Documents (invokeFactory)", seconds))
        self.facts = json.loads(facts.read_text())
        (self.work / "figures.json").write_text(json.dumps(self.figures))
        for suffix in ("", ".index"):
            shutil.copyfile(f"{data}{suffix}", f"{pristine}{suffix}")

    def snapshot(self, name, since="-"):
        out = self.work / name
        self.script("bench_content_snapshot.py", self.conf, "Plone", out, since)
        return json.loads(out.read_text())

    # ------------------------------------------------------------------ the instance

    def start(self):
        log = open(self.work / "instance.log", "a")
        command = [str(ROOT / ".venv" / "bin" / "runwsgi"), str(self.ini), "http_host=127.0.0.1"]
        self.server = subprocess.Popen(
            [*command, f"http_port={self.port}"], cwd=self.work, env=self.env, stdout=log, stderr=log
        )
        client = Client(self.port, timeout=10)
        for _ in range(300):
            if self.server.poll() is not None:
                raise SystemExit(f"the instance stopped: see {log.name}")
            try:
                if client.get(self.facts["site"])[0] == 200:
                    return
            except OSError:
                pass
            finally:
                client.close()
            time.sleep(1)
        raise SystemExit(f"no answer from the instance after 300 s: see {log.name}")

    def stop(self):
        if self.server is not None and self.server.poll() is None:
            self.server.send_signal(signal.SIGTERM)
            try:
                self.server.wait(60)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
        self.server = None

    # ------------------------------------------------------------------ measures

    def path(self, template):
        return template.format(**self.facts)

    def measure(self, user, path):
        client = Client(self.port, user, PASSWORD)
        rest = "/@" in path and "/@@" not in path  # a REST service answers JSON only when asked for JSON
        headers = {"Accept": "application/json"} if rest else {}
        try:
            for _ in range(self.args.warmup):
                status, body, _seconds = client.get(path, **headers)
                if status != 200:
                    return status, None
            times = [client.get(path, **headers)[2] for _ in range(self.args.requests)]
        finally:
            client.close()
        return 200, summary_ms(times)

    def pages(self):
        self.log(f"4. {self.args.requests} requests of each page (after {self.args.warmup})...")
        results = []
        for label, user, template in PAGES:
            path = self.path(template)
            label = self.path(label)
            status, figures = self.measure(user, path)
            if status == 404 and "@@deliberations-dashboard" in path:
                path = self.path(FALLBACK[user])
                label += " [REST @search instead: no dashboard view]"
                status, figures = self.measure(user, path)
                if user == SECRETARY and figures:
                    _status, sessions = self.measure(user, self.path(FALLBACK_SESSIONS))
                    figures = (figures[0] + sessions[0], figures[1] + sessions[1]) if sessions else figures
            if figures is None:
                raise SystemExit(f"{label}: {path} answered {status} to {user}")
            self.log(f"   {label}: median {figures[0]:.1f} ms, p90 {figures[1]:.1f} ms  ({user} GET {path})")
            results.append((label, user, figures))
        medians = {label: figures[0] for label, _user, figures in results}
        return results, (medians[self.path(BASELINE)], medians[self.path(STOCK)])

    def transition(self, path, transition):
        client = Client(self.port, SECRETARY, PASSWORD)
        try:
            status, body, seconds = client.request(
                "POST", f"{path}/@workflow/{transition}", headers={"Accept": "application/json"}
            )
        finally:
            client.close()
        if status != 200:
            raise SystemExit(f"POST {path}/@workflow/{transition}: {status} {body[:500]!r}")
        return seconds

    def status_of(self, user, path):
        """The status of a REST GET (a page would redirect an unauthorized user to the login form)."""
        client = Client(self.port, user, PASSWORD)
        try:
            return client.get(path, Accept="application/json")[0]
        finally:
            client.close()

    def convocation(self):
        session, deliberation = self.facts["convening"], self.facts["convening_deliberation"]
        items = self.facts["convening_items"]
        self.log(f"5. convening, holding and closing {session} ({items} items) through REST...")
        before = self.status_of(OFFICIAL, deliberation)
        timings = [(name, self.transition(session, name)) for name in ("convene", "hold", "close")]
        after = self.status_of(OFFICIAL, deliberation)
        for name, seconds in timings:
            self.log(f"   {name}: {seconds:.2f} s")
        self.log(f"   {OFFICIAL} GET {deliberation} (REST): {before} before, {after} after")
        return timings, before, after

    # ------------------------------------------------------------------ what changed

    def changes(self, before, after):
        """What each request wrote, and the catalog entries whose security changed; with those outside the
        session's own objects (the session and what it holds, its agenda's deliberations and what they hold)."""
        roots = [self.facts["convening"], *self.facts["convening_deliberations"]]

        def own(path):
            return any(path == root or path.startswith(root + "/") for root in roots)

        transitions = iter(("convene", "hold", "close"))  # the POST @workflow requests, in their order
        reports = []
        for txn in after["transactions"]:
            note = txn["note"] or "(no note)"
            if "@workflow" in note:
                note = f"POST {next(transitions, '?')} ({note})"
            reports.append((note, txn["content"], txn["other"], [p for p in txn["content"] if not own(p)]))
        changed = [p for p in after["security"] if before["security"].get(p) != after["security"][p]]
        outside = [p for p in changed if not own(p)]
        return reports, changed, outside

    # ------------------------------------------------------------------ the whole

    def main(self):
        try:
            self.prepare()
            before = self.snapshot("security-before.json")
            self.log(f"   instance on 127.0.0.1:{self.port}")
            self.start()
            pages, baseline = self.pages()
            timings, status_before, status_after = self.convocation()
            self.stop()
            after = self.snapshot("security-after.json", since=before["tid"])
            reports, changed, outside = self.changes(before, after)
        finally:
            self.stop()
        self.report(pages, baseline, timings, status_before, status_after, reports, changed, outside)
        ok = status_before == 401 and status_after == 200 and not outside and not any(r[3] for r in reports)
        ok = ok and all(seconds < 5 for _name, seconds in timings)
        return 0 if ok else 2

    def report(self, pages, baseline, timings, status_before, status_after, reports, changed, outside):
        facts = self.facts
        print()
        print(f"Site: {self.args.deliberations} deliberations, {self.args.sessions} sessions; states {facts['states']}")
        print(table([(name, f"{seconds:.0f} s") for name, seconds in self.figures]))
        print()
        rows = []
        for label, user, (median, p90) in pages:
            ratios = [f"{median / reference:.2f}" for reference in baseline]
            mark = "" if median < 200 or label.startswith("stock") else "  > 200 ms"
            rows.append((label, user, f"{median:.1f}", f"{p90:.1f}", *ratios, mark))
        header = ("page", "user", "median ms", "p90 ms", "ratio to the baseline", "to the stock-portlets listing", "")
        print(f"{self.args.requests} sequential requests each, after {self.args.warmup} of warm-up:")
        print(table(rows, header))
        print()
        session = f"{facts['convening']} ({facts['convening_items']} items)"
        rows = [(f"{name} {session}", f"{seconds:.2f} s") for name, seconds in timings]
        statuses = f"{status_before} / {status_after}"
        rows.append((f"{OFFICIAL} GET (REST) one of its deliberations, before / after", statuses))
        print(table(rows, ("REST POST @workflow/<transition>, as the secretariat", "time")))
        print()
        print("What each request wrote (content objects, then other records by class):")
        for note, content, other, strangers in reports:
            kinds = ", ".join(f"{n} {name}" for name, n in sorted(other.items(), key=lambda x: -x[1])[:6])
            print(f"  {note}: {len(content)} content objects ({len(strangers)} not the session's); {kinds}")
            for path in strangers[:10]:
                print(f"      not the session's: {path}")
        print(
            f"Catalog entries whose security changed: {len(changed)}; outside the session and its deliberations: "
            f"{len(outside)}{' ' + str(outside[:10]) if outside else ''}"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deliberations", type=int, default=10000)
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--requests", type=int, default=30, help="timed requests of each page")
    parser.add_argument("--warmup", type=int, default=10, help="requests of each page before timing")
    parser.add_argument("--port", type=int, help="loopback port of the instance (default: a free one)")
    parser.add_argument("--worktree", action="store_true", help="run the working tree instead of a clone of HEAD")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")
    parser.add_argument("--reuse", metavar="DIR", help="measure again the site prepared in DIR by a --keep run")
    args = parser.parse_args(argv)
    if args.reuse:
        args.keep = True
    bench = Bench(args)
    try:
        return bench.main()
    finally:
        if args.keep:
            print(f"kept {bench.work}")
        else:
            shutil.rmtree(bench.work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
