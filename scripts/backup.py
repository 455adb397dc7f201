#!/usr/bin/env python3
"""Back up the instance's database and its files, and restore them (make backup, make restore).

    python scripts/backup.py backup  --instance instance --backups instance/var/backups
    python scripts/backup.py restore --instance instance --backups instance/var/backups [--at 2026-12-04-17-30-00]
    python scripts/backup.py backup  --dsn "dbname=... user=... password=... host=..."   # RelStorage, PostgreSQL

FileStorage: repozo (a full backup, then increments, gzipped) into <backups>/filestorage/, then the blob directory
as <backups>/blobstorage/<the same timestamp>/ (a blob file never changes: unchanged files are hard links to the
previous snapshot). Both may run while the instance serves (not during a pack). Restoring needs the instance
stopped; the replaced database and files are moved to var/before-restore-<time>/.
PostgreSQL: pg_dump -Fc into <backups>/postgres/<database>-<timestamp>.dump, the objects and their blobs
(shared-blob-dir false: RelStorage keeps them in the database). Restoring needs every process stopped; it drops and
creates the database again, restores the dump in one transaction and empties the local blob caches.
"""

from pathlib import Path

import argparse
import os
import re
import shutil
import subprocess
import sys
import time


class Refused(Exception):
    """What the operator must do before trying again."""


def say(message):
    print(f"==> {message}", flush=True)


def stamp():
    """Now, as repozo names its files (UTC)."""
    return time.strftime("%Y-%m-%d-%H-%M-%S", time.gmtime())


def private_folder(path):
    """A folder only the instance's user reads: a backup holds every password hash and every confidential file."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path


def aside(var):
    """The folder that receives what a restore replaces."""
    return var / f"before-restore-{stamp()}"


# ------------------------------------------------------------------------------------------------ FileStorage


def repozo(*arguments):
    from ZODB.scripts import repozo as tool

    try:
        tool.main([str(argument) for argument in arguments])
    except SystemExit as error:
        if error.code:
            raise Refused(f"repozo: {error.code}") from error


def repozo_stamps(repository):
    """The timestamps of the repository's full and incremental backups, oldest first."""
    from ZODB.scripts.repozo import is_data_file

    return sorted(name.split(".")[0] for name in os.listdir(repository) if is_data_file(name))


def snapshot_blobs(blobs, target, previous):
    """Copy the blob directory to `target`, hard-linking the files `previous` already holds."""
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    copied = linked = 0
    for source in sorted(blobs.rglob("*")):
        relative = source.relative_to(blobs)
        if source.is_dir() or relative.parts[0] == "tmp":
            continue
        destination = partial / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        known = previous / relative if previous else None
        if known and known.is_file() and known.stat().st_size == source.stat().st_size and relative.suffix == ".blob":
            os.link(known, destination)
            linked += 1
        else:
            shutil.copy2(source, destination)
            copied += 1
    partial.mkdir(parents=True, exist_ok=True)
    partial.rename(target)
    return copied, linked


def backup_filestorage(var, backups):
    data = var / "filestorage" / "Data.fs"
    if not data.is_file():
        raise Refused(f"no database at {data}: nothing to back up (is INSTANCE right?)")
    repository = private_folder(backups / "filestorage")
    snapshots = private_folder(backups / "blobstorage")
    say(f"repozo: {data} into {repository}")
    repozo("--backup", "--quick", "--gzip", "--repository", repository, "--file", data)
    when = repozo_stamps(repository)[-1]
    target = snapshots / when
    if target.is_dir():
        say(f"blobs: nothing changed since backup {when}")
        return when
    earlier = [path for path in sorted(snapshots.iterdir()) if path.is_dir() and path.name < when]
    copied, linked = snapshot_blobs(var / "blobstorage", target, earlier[-1] if earlier else None)
    say(f"blobs: {copied} copied, {linked} unchanged (hard links) into {target}")
    return when


def held_lock(data):
    """The database's lock, held for the whole restore: a running instance holds it (and none starts meanwhile)."""
    from zc.lockfile import LockError
    from zc.lockfile import LockFile

    data.parent.mkdir(parents=True, exist_ok=True)
    try:
        return LockFile(f"{data}.lock")
    except LockError as error:
        raise Refused(f"the instance is running ({data} is locked): make stop first") from error


def chosen(stamps, at, what):
    """The latest of `stamps` at or before `at` (all of them without it)."""
    candidates = [value for value in stamps if not at or value <= at]
    if not candidates:
        known = ", ".join(stamps) or "none"
        raise Refused(f"no {what} at or before {at or 'now'} (backups: {known}): make backup first, or AT=...")
    return candidates[-1]


def restore_filestorage(var, backups, at):
    repository, snapshots = backups / "filestorage", backups / "blobstorage"
    if not repository.is_dir():
        raise Refused(f"no backup in {repository}: make backup first (or BACKUPS=... names where they are)")
    when = chosen(repozo_stamps(repository), at, "backup")
    blobs = snapshots / when
    if not blobs.is_dir():
        raise Refused(f"the blob files of backup {when} are missing ({blobs}): choose another with AT=...")
    data = var / "filestorage" / "Data.fs"
    lock = held_lock(data)
    try:
        keep_aside(var, [data.parent / f"Data.fs{suffix}" for suffix in ("", ".index", ".tmp")])
        say(f"repozo: backup {when} into {data}")
        repozo("--recover", "--repository", repository, "--output", data, "--date", when)
        say(f"blobs: {blobs} into {var / 'blobstorage'}")
        shutil.copytree(blobs, var / "blobstorage")
        (var / "blobstorage").chmod(0o700)
    finally:
        lock.close()
    return when


def keep_aside(var, files):
    """Move the current database and blob directory out of the way; they are never deleted here."""
    present = [path for path in [*files, var / "blobstorage"] if path.exists()]
    if not present:
        return
    folder = private_folder(aside(var))
    for path in present:
        path.rename(folder / path.name)
    say(f"the replaced database and files are in {folder}: delete it once the restored site is checked")


# ------------------------------------------------------------------------------------------------ PostgreSQL


def connection_options(dsn):
    """pg_dump's arguments and environment for `dsn`: the password in the environment, never on the command line."""
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    values = parse_dsn(dsn)
    password = values.pop("password", None)
    environment = dict(os.environ, **({"PGPASSWORD": password} if password else {}))
    return make_dsn(**values), environment


def tool(command, environment):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, env=environment)
    if result.returncode:
        raise Refused(f"{command[0]} failed: {result.stderr.strip()}")


def backup_postgres(dsn, backups):
    from psycopg2.extensions import parse_dsn

    database = parse_dsn(dsn)["dbname"]
    folder = private_folder(backups / "postgres")
    target = folder / f"{database}-{stamp()}.dump"
    conninfo, environment = connection_options(dsn)
    partial = target.with_name(target.name + ".partial")
    tool(["pg_dump", "--format=custom", "--file", partial, "--dbname", conninfo], environment)
    partial.rename(target)
    say(f"pg_dump: database {database} into {target}")
    return target.stem.removeprefix(f"{database}-")


def chosen_dump(backups, database, at):
    """`at` when it names a dump file, else the database's latest dump at or before the timestamp `at`."""
    if at and Path(at).is_file():
        return Path(at)
    folder = backups / "postgres"
    dumps = {path.stem.removeprefix(f"{database}-"): path for path in folder.glob(f"{database}-*.dump")}
    dumps = {when: path for when, path in dumps.items() if re.fullmatch(r"\d{4}(-\d\d){5}", when)}
    return dumps[chosen(sorted(dumps), at, f"dump of {database} in {folder}")]


def refuse_while_connected(cursor, database):
    cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (database,))
    (sessions,) = cursor.fetchone()
    if sessions:
        raise Refused(
            f"{sessions} connection(s) to the database {database} are open (an instance is running): "
            "make stop DB=postgres for every PORT first"
        )


def recreate(dsn):
    """Drop and create the database again, once no process holds it."""
    from psycopg2 import sql
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    import psycopg2

    database = parse_dsn(dsn)["dbname"]
    admin = psycopg2.connect(make_dsn(dsn, dbname="postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            refuse_while_connected(cursor, database)
            name = sql.Identifier(database)
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name))
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))
    except psycopg2.Error as error:
        raise Refused(f"cannot recreate the database {database}: {error}".strip()) from error
    finally:
        admin.close()


def restore_postgres(dsn, var, backups, at):
    from psycopg2.extensions import parse_dsn

    database = parse_dsn(dsn)["dbname"]
    dump = chosen_dump(backups, database, at)
    recreate(dsn)
    say(f"pg_restore: {dump} into the new database {database}")
    conninfo, environment = connection_options(dsn)
    tool(
        ["pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", "--dbname", conninfo, dump], environment
    )
    for cache in var.glob("blobcache-*"):
        shutil.rmtree(cache)
        say(f"emptied the blob cache {cache}")
    return dump.name


# ------------------------------------------------------------------------------------------------ command


def perform(args):
    var, backups = Path(args.instance).resolve() / "var", Path(args.backups).resolve()
    started = time.monotonic()
    if args.action == "backup":
        when = backup_postgres(args.dsn, backups) if args.dsn else backup_filestorage(var, backups)
        say(f"backup {when} done in {time.monotonic() - started:.1f} s ({backups})")
    else:
        if args.dsn:
            when = restore_postgres(args.dsn, var, backups, args.at)
        else:
            when = restore_filestorage(var, backups, args.at)
        say(f"restored {when} in {time.monotonic() - started:.1f} s: make start serves it")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["backup", "restore"])
    parser.add_argument("--instance", default=str(Path(__file__).resolve().parent.parent / "instance"))
    parser.add_argument("--backups", help="where the backups go (default: <instance>/var/backups)")
    parser.add_argument("--dsn", help="RelStorage's PostgreSQL database (without it: the instance's FileStorage)")
    parser.add_argument("--at", help="restore: the latest backup at or before this UTC timestamp, or a .dump file")
    args = parser.parse_args(argv)
    args.backups = args.backups or str(Path(args.instance) / "var" / "backups")
    try:
        perform(args)
    except Refused as error:
        print(f"{args.action} refused: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
