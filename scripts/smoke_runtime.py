#!/usr/bin/env python3
"""The runtime-only smoke test (``make smoke``, run by CI): a green CI must mean a working ``make run``.

    python3.11 scripts/smoke_runtime.py [--venv DIR] [--keep]

1. a new virtual environment with the product and its runtime dependencies only (``pip install -c constraints.txt
   .[postgres] ./demo``, no test extra, each package built as a wheel as a release would be), and the demo
   distribution beside it, as ``make run`` installs it;
2. every module of the two packages imported (pkgutil.walk_packages), every console script of pyproject.toml and
   demo/pyproject.toml run with --help;
3. the demo site created in a temporary instance by ``deliberations-site``, then served by ``runwsgi`` on a free port;
4. every browser view and REST service that our ZCML registers, found in the global component registry, called once
   on a context it is registered for: GET as the administrator and as anonymous; then the POST, PATCH and PUT
   services with an empty JSON body (DELETE is not called: the smoke test deletes nothing).

Any answer 500 or more, any failed import or unanswered request fails it, with the list of them. A 4xx is fine
(a view that needs parameters refuses a plain GET). The phases that need Zope run in the new environment through
this same script (``imports``, ``plan``); the rest needs only the standard library.
"""

from collections import Counter
from pathlib import Path

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "collective.deliberations"
PACKAGE_DIR = "/collective/deliberations/"
DEMO = "collective.deliberations_demo"  # the demo's distribution (demo/), installed beside the product
# the test layers: they need the test extra, a runtime never imports them
TEST_SUPPORT = {PACKAGE + ".testing", DEMO + ".testing"}
WRITES = ("POST", "PATCH", "PUT")
TIMEOUT = 300


def say(message):
    print(f"[smoke] {message}", flush=True)


# ---------------------------------------------------------------- inside the new environment (Zope importable)


def import_everything():
    """Import every module of the product and of the demo; return the errors as 'module: error' lines."""
    import importlib
    import pkgutil
    import traceback

    errors = []

    def failed(name):
        errors.append(f"{name}: {traceback.format_exc().strip().splitlines()[-1]}")

    for name in (PACKAGE, DEMO):
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, name + ".", onerror=failed):
            if module.name in TEST_SUPPORT:
                continue
            try:
                importlib.import_module(module.name)
            except Exception:
                failed(module.name)
    return errors


def registrations():
    """(kind, method, name, required interface) of every view and service registered by our ZCML files."""
    from zope.component import getGlobalSiteManager
    from zope.publisher.interfaces.browser import IBrowserRequest

    found = []
    for registration in getGlobalSiteManager().registeredAdapters():
        if len(registration.required) != 2 or not registration.required[1].isOrExtends(IBrowserRequest):
            continue
        if PACKAGE_DIR not in str(getattr(registration.info, "file", registration.info)):
            continue
        method = getattr(registration.factory, "method", None)
        if method:  # plone.rest: the name is "<METHOD>_<type>_<subtype>_<service name>"
            name = registration.name.split("_", 3)[3]
            found.append(("service", method, name, registration.required[0]))
        else:
            found.append(("view", "GET", registration.name, registration.required[0]))
    return found


def context_for(site, required, cache):
    """A path of an object providing `required`: the site, else the first such content, else a tool of the site."""
    from plone import api

    if required not in cache:
        identifier = getattr(required, "__identifier__", None)
        brains = api.content.find(context=site, object_provides=identifier, unrestricted=True) if identifier else []
        candidates = [site] + [brain._unrestrictedGetObject() for brain in brains[:1]] + list(site.objectValues())
        found = next((candidate for candidate in candidates if required.providedBy(candidate)), None)
        cache[required] = "/".join(found.getPhysicalPath()) if found is not None else None
    return cache[required]


def make_plan(zope_conf):
    """The calls to make: [{"kind", "method", "name", "path"}], and the registrations without any context."""
    from collective.deliberations.zope_app import open_app
    from collective.deliberations_demo.cli import SITE_ID
    from zope.component.hooks import setSite

    app = open_app(zope_conf)
    site = app[SITE_ID]
    setSite(site)
    calls, orphans, cache = [], [], {}
    for kind, method, name, required in sorted(registrations(), key=lambda item: (item[1] in WRITES, item[2])):
        if method == "DELETE":
            orphans.append(f"{kind} {method} {name}: not called (the smoke test deletes nothing)")
            continue
        path = context_for(site, required, cache)
        if path is None:
            orphans.append(f"{kind} {method} {name}: no object providing {required.__identifier__} in the demo")
            continue
        calls.append({"kind": kind, "method": method, "name": name, "path": path})
    app._p_jar.close()
    return {"calls": calls, "orphans": orphans}


# ---------------------------------------------------------------- outside: environment, instance, HTTP


def run(*command, **kwargs):
    say("$ " + " ".join(str(part) for part in command))
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


def make_venv(venv):
    started = time.monotonic()
    run(sys.executable, "-m", "venv", venv)
    pip = [venv / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check", "-c", ROOT / "constraints.txt"]
    run(*pip, "setuptools", "wheel", "hatchling", "editables")
    run(*pip, "--no-build-isolation", f"{ROOT}[postgres]", ROOT / "demo")
    say(f"runtime environment ready ({time.monotonic() - started:.0f} s)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(url, method="GET", auth=None, service=False):
    """(status, start of the body on an error) of one call; raise OSError when nothing answers."""
    headers = {"Accept-Language": "fr", "Accept": "application/json" if service else "text/html"}
    data = None
    if method in WRITES:
        headers["Content-Type"] = "application/json"
        data = b"{}"
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(":".join(auth).encode()).decode()
    call = urllib.request.Request(url, data=data, method=method, headers=headers)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(call, timeout=TIMEOUT) as response:
            response.read()
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, " ".join(error.read()[:2000].decode("utf-8", "replace").split())[:300]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def url_of(base, call):
    prefix = "" if call["kind"] == "service" or not call["name"] else "@@"
    tail = f"/{prefix}{call['name']}" if call["name"] else ""
    return f"{base}{call['path']}{tail}"


def wait_until_up(url, server, seconds=180):
    for _ in range(seconds):
        if server.poll() is not None:
            raise SystemExit(f"the instance stopped (exit {server.returncode})")
        try:
            request(url)
            return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"no answer from {url} after {seconds} s")


def call_everything(base, calls, admin):
    """Call each view and service; a server error, no answer, or the administrator refused (401: the smoke test
    would test nothing behind the login) is a failure. Print how each user was answered."""
    failures, started, answers = [], time.monotonic(), {"admin": Counter(), "anonymous": Counter()}
    users = (("admin", admin), ("anonymous", None))
    for number, call in enumerate(calls, 1):
        for user, auth in users if call["method"] == "GET" else users[:1]:
            url = url_of(base, call)
            try:
                status, body = request(url, call["method"], auth, call["kind"] == "service")
            except OSError as error:
                status, body = "no answer", str(error)
            answers[user][status] += 1
            if status == "no answer" or status >= 500 or (user == "admin" and status == 401):
                failures.append(f"{call['method']} {url} as {user}: {status} {body}")
                say(f"FAILED {failures[-1]}")
        if number % 25 == 0 or number == len(calls):
            say(f"{number}/{len(calls)} called ({time.monotonic() - started:.0f} s)")
    for user, counts in answers.items():
        summary = ", ".join(f"{status} x {count}" for status, count in sorted(counts.items(), key=str))
        say(f"{user} answered: {summary}")
    return failures


def console_scripts(venv):
    """Run each command of [project.scripts] (the product's and the demo's) with --help; return the failures."""
    import tomllib

    scripts = [
        name
        for pyproject in (ROOT / "pyproject.toml", ROOT / "demo" / "pyproject.toml")
        for name in tomllib.loads(pyproject.read_text())["project"]["scripts"]
    ]
    failures = []
    for name in scripts:
        result = subprocess.run([venv / "bin" / name, "--help"], capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            failures.append(f"{name} --help: exit {result.returncode} {(result.stderr or result.stdout)[-300:]}")
            say(f"FAILED {failures[-1]}")
    say(f"{len(scripts) - len(failures)}/{len(scripts)} commands answer --help")
    return failures


def serve_and_call(venv, work, plan_file):
    port = free_port()
    run(
        venv / "bin" / "python",
        ROOT / "scripts" / "instance_config.py",
        "--instance",
        work / "instance",
        "--port",
        port,
        stdout=subprocess.DEVNULL,
    )
    conf, ini = work / "instance" / "etc" / "zope.conf", work / "instance" / "etc" / "zope.ini"
    env = {**os.environ, "DELIBERATIONS_MAIL_PORT": str(free_port()), "DELIBERATIONS_CONVERSION_WORKER": "off"}
    run(venv / "bin" / "deliberations-site", conf, "--url", f"http://127.0.0.1:{port}", env=env)
    run(venv / "bin" / "python", __file__, "plan", conf, plan_file, env=env)
    plan = json.loads(plan_file.read_text())
    for orphan in plan["orphans"]:
        say(f"skipped: {orphan}")
    log = (work / "instance" / "runwsgi.log").open("w")
    server = subprocess.Popen(
        [venv / "bin" / "runwsgi", ini, "http_host=127.0.0.1", f"http_port={port}"], stdout=log, stderr=log, env=env
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, server)
        say(f"the instance answers on {base}: {len(plan['calls'])} views and services to call")
        return call_everything(base, plan["calls"], plan["admin"])
    finally:
        server.terminate()
        server.wait(60)


def outside(args):
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="smoke-runtime-"))
    venv = Path(args.venv) if args.venv else work / "venv"
    try:
        if not (venv / "bin" / "python").exists():
            make_venv(venv)
        result = subprocess.run([venv / "bin" / "python", __file__, "imports"])
        failures = [] if result.returncode == 0 else ["imports failed (above)"]
        failures += console_scripts(venv)
        failures += serve_and_call(venv, work, work / "plan.json")
    finally:
        if not args.keep:
            say(f"removing {work}")
            shutil.rmtree(work, ignore_errors=True)
    say(f"took {time.monotonic() - started:.0f} s")
    if failures:
        log = work / "instance" / "var" / "log" / "zope-event.log" if args.keep else "rerun with --keep to read it"
        say(f"{len(failures)} FAILURES (the instance's log: {log}):")
        for failure in failures:
            print("  " + failure)
        return 1
    say("every module imports, every view and service answers without a server error")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phase", nargs="?", default="all", choices=["all", "imports", "plan"])
    parser.add_argument("paths", nargs="*", help="plan: the zope.conf and the plan file to write")
    parser.add_argument("--venv", help="reuse this environment (made there if missing) instead of a temporary one")
    parser.add_argument("--keep", action="store_true", help="keep the temporary instance and environment")
    args = parser.parse_args(argv)
    if args.phase == "imports":
        errors = import_everything()
        for error in errors:
            say(f"IMPORT FAILED {error}")
        say(f"imported every module of {PACKAGE} and {DEMO}" if not errors else f"{len(errors)} modules do not import")
        return 1 if errors else 0
    if args.phase == "plan":
        from collective.deliberations_demo.accounts import ADMIN

        plan = make_plan(args.paths[0])
        Path(args.paths[1]).write_text(json.dumps({**plan, "admin": list(ADMIN)}))
        return 0
    return outside(args)


if __name__ == "__main__":
    sys.exit(main())
