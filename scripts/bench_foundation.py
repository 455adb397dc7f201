#!/usr/bin/env python3
"""Figures for the record, from a fresh clone: what a new user waits for, and what the instance costs.

    python3 scripts/bench_foundation.py [--keep] [--requests 300]

It clones the current commit into a temporary directory, then measures
  1. `make start` from nothing (virtualenv, install, demo site, first page answered);
  2. `make start` again (nothing to install: start-up only);
  3. the resident memory (RSS) of the running instance, before and after anonymous page views;
  4. anonymous page views a second on the demo site's front page, against a stock Plone site (same
     instance, no add-on of ours installed) created in the same run: the ratio is our add-on's cost;
  5. `make test`, the whole suite.
Only loopback traffic; it stops everything it started. Run it where `make run` can run (root installs Debian
packages). Port 8480 unless --port says otherwise.
"""

from benchlib import rss_mib
from benchlib import sh
from benchlib import table
from benchlib import timed
from pathlib import Path

import argparse
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
STOCK_SITE = textwrap.dedent(
    """
    import transaction
    from Products.CMFPlone.factory import addPloneSite
    if "stock" not in app.objectIds():
        addPloneSite(app, "stock", title="Stock Plone", default_language="fr",
                     extension_ids=("plone.app.contenttypes:default", "plonetheme.barceloneta:default"))
        transaction.commit()
    """
)


def pages_per_second(url, count):
    started = time.monotonic()
    for _ in range(count):
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
    return count / (time.monotonic() - started)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8480)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the clone (its path is printed)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="deliberations-bench-"))
    clone = work / "clone"
    port = f"PORT={args.port}"
    base = f"http://127.0.0.1:{args.port}"
    figures = []
    try:
        print(f"cloning into {clone}", flush=True)
        sh(f"git clone -q {ROOT} {clone}", work)
        print("1. make start from nothing (install, demo site, first page)...", flush=True)
        figures.append(("make start, fresh clone -> first page", f"{timed(f'make start {port}', clone):.1f} s"))
        sh(f"make stop {port}", clone)
        print("   stock Plone site for the baseline...", flush=True)
        (work / "stock.py").write_text(STOCK_SITE)
        sh(f".venv/bin/zconsole run instance/etc/zope.conf {work / 'stock.py'}", clone)
        print("2. make start again...", flush=True)
        figures.append(("make start, second time -> first page", f"{timed(f'make start {port}', clone):.1f} s"))
        pidfile = clone / "instance" / "var" / "zope.pid"
        figures.append(("RSS after start-up", f"{rss_mib(pidfile):.0f} MiB"))
        print(f"3. {args.requests} anonymous page views on each site...", flush=True)
        pages_per_second(f"{base}/Plone", 20), pages_per_second(f"{base}/stock", 20)  # warm-up
        ours = pages_per_second(f"{base}/Plone", args.requests)
        stock = pages_per_second(f"{base}/stock", args.requests)
        figures.append(("anonymous front page, demo site", f"{ours:.1f} pages/s"))
        figures.append(("anonymous front page, stock Plone (baseline)", f"{stock:.1f} pages/s"))
        figures.append(("ratio demo / stock", f"{ours / stock:.2f}"))
        figures.append(("RSS after the page views", f"{rss_mib(pidfile):.0f} MiB"))
        sh(f"make stop {port}", clone)
        print("4. make test...", flush=True)
        figures.append(("make test (whole suite, installed)", f"{timed('make test', clone):.1f} s"))
    except subprocess.CalledProcessError as error:
        print(f"failed: {error.cmd}\n{error.stdout[-2000:]}\n{error.stderr[-2000:]}", file=sys.stderr)
        return 1
    finally:
        subprocess.run(f"make stop {port}", cwd=clone, shell=True, capture_output=True)
        if args.keep:
            print(f"kept {clone}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
