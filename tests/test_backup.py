"""make backup, then make restore into an empty instance: every object, every file and the catalog as they were.

A small site (the product installed, a folder, files and a page) rather than the demo: the walk compares each
object reachable from the root (its class, transaction id and pickle), each blob's SHA-256 and the catalog."""

from pathlib import Path

import hashlib
import importlib.util
import os
import pytest
import subprocess
import textwrap


SITE = textwrap.dedent(
    """
    import os
    import transaction
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system
    from plone import api
    from plone.namedfile.file import NamedBlobFile
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite

    newSecurityManager(None, system)
    addPloneSite(app, "Plone", extension_ids=("plone.app.contenttypes:default", "collective.deliberations:default"),
                 default_language="fr")
    setSite(app.Plone)
    folder = api.content.create(container=app.Plone, type="Folder", id="dossier", title="Dossier")
    api.content.create(container=folder, type="Document", id="note", title="Note de synthèse")
    for number in range(3):
        api.content.create(container=folder, type="File", id=f"annexe-{number}", title=f"Annexe {number}",
                           file=NamedBlobFile(data=os.urandom(200_000), filename=f"annexe-{number}.bin"))
    transaction.commit()
    print("site created")
    """
)

ADD_FILE = textwrap.dedent(
    """
    import os
    import transaction
    from plone import api
    from plone.namedfile.file import NamedBlobFile
    from zope.component.hooks import setSite

    setSite(app.Plone)
    api.content.create(container=app.Plone.dossier, type="File", id="annexe-tardive", title="Annexe tardive",
                       file=NamedBlobFile(data=os.urandom(50_000), filename="tardive.bin"))
    transaction.commit()
    """
)

FIND_FILES = textwrap.dedent(
    """
    import hashlib
    from zope.component.hooks import setSite

    setSite(app.Plone)
    for brain in app.Plone.portal_catalog.unrestrictedSearchResults(portal_type="File", sort_on="id"):
        print(brain.getId, hashlib.sha256(brain.getObject().file.data).hexdigest())
    """
)


def run(command, **kwargs):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def make(project_root, *arguments):
    """`make` as a person types it; .venv/.installed is taken as done (the suite runs in it)."""
    command = ["make", "-s", "-C", project_root, "-o", project_root / ".venv" / ".installed", *arguments]
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=600)


def made(project_root, *arguments):
    result = make(project_root, *arguments)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def zconsole(venv_bin, zope_conf, script, tmp_path):
    path = tmp_path / "script.py"
    path.write_text(script)
    quiet = dict(os.environ, DELIBERATIONS_CONVERSION_WORKER="off", DELIBERATIONS_MAIL_RETRY="off")  # a script only
    return run([venv_bin / "zconsole", "run", zope_conf, path], env=quiet)


@pytest.fixture(scope="module")
def site(project_root, venv_bin, tmp_path_factory):
    """An instance on FileStorage holding the small site: its directory."""
    spec = importlib.util.spec_from_file_location("instance_config", project_root / "scripts" / "instance_config.py")
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    root = tmp_path_factory.mktemp("backup")
    zope_conf, _ini = config.write(root / "site")
    assert "site created" in zconsole(venv_bin, zope_conf, SITE, root)
    return root / "site"


def walk(storage):
    """Every object reachable from the root: oid -> (tid, class, SHA-256 of its pickle, SHA-256 of its blob)."""
    from ZODB.POSException import POSKeyError
    from ZODB.serialize import referencesf
    from ZODB.utils import get_pickle_metadata
    from ZODB.utils import z64

    found, todo = {}, [z64]
    while todo:
        oid = todo.pop()
        if oid in found:
            continue
        data, tid = storage.load(oid)
        module, name = get_pickle_metadata(data)
        blob = None
        if (module, name) == ("ZODB.blob", "Blob"):
            try:
                blob = hashlib.sha256(Path(storage.loadBlob(oid, tid)).read_bytes()).hexdigest()
            except POSKeyError:
                blob = "missing"
        found[oid] = (tid, f"{module}.{name}", hashlib.sha256(data).hexdigest(), blob)
        todo.extend(referencesf(data))
    return found


def catalog(storage):
    """The site catalog's size, its paths and its count of each portal_type."""
    from ZODB.DB import DB

    db = DB(storage)
    try:
        connection = db.open()
        site_catalog = connection.root()["Application"].Plone.portal_catalog._catalog
        types = site_catalog.indexes["portal_type"].uniqueValues(withLengths=True)
        return len(site_catalog), sorted(site_catalog.uids.keys()), dict(types)
    finally:
        db.close()


def filestorage(instance):
    from ZODB.FileStorage import FileStorage

    var = Path(instance) / "var"
    return FileStorage(str(var / "filestorage" / "Data.fs"), blob_dir=str(var / "blobstorage"), read_only=True)


def contents(open_storage):
    """walk() and catalog() of a storage that `open_storage()` opens."""
    storage = open_storage()
    try:
        objects = walk(storage)
    finally:
        storage.close()
    return objects, catalog(open_storage())


def test_backup_and_restore_filestorage(project_root, venv_bin, site, tmp_path):
    before, before_catalog = contents(lambda: filestorage(site))
    assert sum(1 for entry in before.values() if entry[3]) >= 3
    assert "missing" not in {entry[3] for entry in before.values()}
    assert before_catalog[2]["File"] == 3

    first = made(project_root, "backup", f"INSTANCE={site}")
    assert "repozo" in first and "blobs" in first, first
    zconsole(venv_bin, site / "etc" / "zope.conf", ADD_FILE, tmp_path)
    second = made(project_root, "backup", f"INSTANCE={site}")  # incremental: a second point in time
    now, now_catalog = contents(lambda: filestorage(site))
    assert now_catalog[2]["File"] == 4

    backups = f"BACKUPS={site / 'var' / 'backups'}"
    restored = tmp_path / "restored"  # an empty instance: no etc, no var
    answer = made(project_root, "restore", f"INSTANCE={restored}", backups)
    assert "restored" in answer, answer
    assert contents(lambda: filestorage(restored)) == (now, now_catalog)

    first_stamp = first.split("backup ")[-1].split()[0]
    assert first_stamp != second.split("backup ")[-1].split()[0], (first, second)
    earlier = tmp_path / "earlier"
    made(project_root, "restore", f"INSTANCE={earlier}", backups, f"AT={first_stamp}")
    assert contents(lambda: filestorage(earlier)) == (before, before_catalog)

    # The restored instance serves the files from its own database and blob directory.
    made(project_root, "etc", f"INSTANCE={restored}")
    lines = zconsole(venv_bin, restored / "etc" / "zope.conf", FIND_FILES, tmp_path).splitlines()
    assert [line.split()[0] for line in lines if line.startswith("annexe")] == [
        "annexe-0",
        "annexe-1",
        "annexe-2",
        "annexe-tardive",
    ]


def test_restore_refuses_while_the_instance_runs(project_root, site, tmp_path):
    from ZODB.FileStorage import FileStorage

    target = tmp_path / "running"
    made(project_root, "backup", f"INSTANCE={site}")
    made(project_root, "restore", f"INSTANCE={target}", f"BACKUPS={site / 'var' / 'backups'}")
    running = FileStorage(str(target / "var" / "filestorage" / "Data.fs"))  # what a running instance holds
    try:
        refused = make(project_root, "restore", f"INSTANCE={target}", f"BACKUPS={site / 'var' / 'backups'}")
    finally:
        running.close()
    assert refused.returncode != 0
    assert "make stop" in refused.stdout + refused.stderr
    assert "Traceback" not in refused.stdout + refused.stderr

    # Stopped: the restore goes ahead, and what it replaces is kept aside, never deleted.
    made(project_root, "restore", f"INSTANCE={target}", f"BACKUPS={site / 'var' / 'backups'}")
    [kept] = (target / "var").glob("before-restore-*")
    assert {"Data.fs", "Data.fs.index", "blobstorage"} <= {path.name for path in kept.iterdir()}


def relstorage(dsn, blob_dir):
    from ZODB.config import storageFromString

    return storageFromString(
        textwrap.dedent(
            f"""
            %import relstorage
            <relstorage>
              keep-history false
              shared-blob-dir false
              blob-dir {blob_dir}
              <postgresql>
                dsn {dsn}
              </postgresql>
            </relstorage>
            """
        )
    )


@pytest.fixture
def databases():
    """Two databases of the test server: the site's and the one to restore into; dropped afterwards."""
    import psycopg2
    import psycopg2.extensions

    base = os.environ.get("DELIBERATIONS_PG_DSN")
    assert base, "DELIBERATIONS_PG_DSN is not set: run the suite with make test, which starts PostgreSQL"
    names = ("deliberations_backup", "deliberations_restored")

    def drop():
        admin = psycopg2.connect(base)
        admin.autocommit = True
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.close()

    drop()
    yield {name: psycopg2.extensions.make_dsn(base, dbname=name) for name in names}
    drop()


@pytest.mark.postgres
def test_backup_and_restore_postgres(project_root, venv_bin, site, tmp_path, databases):
    import psycopg2
    import psycopg2.extensions

    source, target = databases.values()
    admin = psycopg2.connect(psycopg2.extensions.make_dsn(source, dbname="postgres"))
    admin.autocommit = True
    admin.cursor().execute("CREATE DATABASE deliberations_backup")
    admin.close()
    conversion = tmp_path / "convert.conf"
    conversion.write_text(
        textwrap.dedent(
            f"""
            %import relstorage
            <filestorage source>
              path {site / "var" / "filestorage" / "Data.fs"}
              blob-dir {site / "var" / "blobstorage"}
              read-only true
            </filestorage>
            <relstorage destination>
              keep-history false
              shared-blob-dir false
              blob-dir {tmp_path / "convert-blobs"}
              <postgresql>
                dsn {source}
              </postgresql>
            </relstorage>
            """
        )
    )
    run([venv_bin / "zodbconvert", conversion])
    before = contents(lambda: relstorage(source, tmp_path / "cache-before"))
    assert sum(1 for entry in before[0].values() if entry[3]) >= 3

    login = {key: value for key, value in psycopg2.extensions.parse_dsn(source).items() if key != "dbname"}
    line = ["DB=postgres", f"PGUSER={login['user']}", f"PGPASSWORD={login['password']}", f"PGHOST={login['host']}"]
    instance = f"INSTANCE={tmp_path / 'instance'}"
    answer = made(project_root, "backup", *line, "PGDATABASE=deliberations_backup", instance)
    [dump] = (tmp_path / "instance" / "var" / "backups" / "postgres").glob("deliberations_backup-*.dump")
    assert f"pg_dump: database deliberations_backup into {dump}" in answer, answer

    restored = made(project_root, "restore", *line, "PGDATABASE=deliberations_restored", f"AT={dump}", instance)
    assert "restored" in restored, restored
    assert contents(lambda: relstorage(target, tmp_path / "cache-after")) == before

    blocker = psycopg2.connect(target)  # a running instance holds connections to its database
    try:
        refused = make(project_root, "restore", *line, "PGDATABASE=deliberations_restored", f"AT={dump}", instance)
    finally:
        blocker.close()
    assert refused.returncode != 0 and "make stop" in refused.stderr, refused.stdout + refused.stderr
