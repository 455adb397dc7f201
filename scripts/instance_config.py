#!/usr/bin/env python3
"""Write the instance's configuration (instance/etc/) from the committed templates (instance/templates/).

    python scripts/instance_config.py                      # FileStorage: etc/zope.conf, etc/zope.ini
    python scripts/instance_config.py --db postgres --port 8081 --dsn "dbname=... user=..."
                                                           # RelStorage: etc/zope-postgres-8081.conf/.ini

It prints the path of the zope.conf, then of the zope.ini it wrote. Each process has its own files, named after
its configuration: var/log/<name>-event.log and <name>-access.log (the Makefile's pid file is var/<name>.pid).
"""

from pathlib import Path

import argparse
import sys


ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "instance" / "templates"
DEFAULT_DSN = "dbname='deliberations' user='deliberations' password='deliberations' host='127.0.0.1'"


def fill(template, values):
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    return text


def name(db="filestorage", port=8080):
    """The configuration's name: one FileStorage process, or one RelStorage process per port."""
    return "zope" if db == "filestorage" else f"zope-postgres-{port}"


def write(instance, db="filestorage", port=8080, dsn=DEFAULT_DSN):
    """Write zope.conf and zope.ini for `db` under `instance`/etc; return their paths."""
    instance = Path(instance).resolve()
    etc, var = instance / "etc", instance / "var"
    for folder in (etc, var / "log", var / "cache", var / "filestorage", var / "blobstorage"):
        folder.mkdir(parents=True, exist_ok=True)
    (var / "blobstorage").chmod(0o700)  # ZODB refuses a blob directory open to others
    values = {"INSTANCE": instance, "VAR": var, "PORT": port, "DSN": dsn, "NAME": name(db, port)}
    values["DATABASE"] = fill(f"{db}.conf.in", values)
    conf, ini = etc / f"{values['NAME']}.conf", etc / f"{values['NAME']}.ini"
    conf.write_text(fill("zope.conf.in", values), encoding="utf-8")
    ini.write_text(fill("zope.ini.in", {**values, "ZOPE_CONF": conf}), encoding="utf-8")
    return conf, ini


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", default=str(ROOT / "instance"))
    parser.add_argument("--db", choices=["filestorage", "postgres"], default="filestorage")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--dsn", default=DEFAULT_DSN)
    args = parser.parse_args(argv)
    for path in write(args.instance, args.db, args.port, args.dsn):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
