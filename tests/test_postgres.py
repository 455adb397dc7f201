"""The same site on RelStorage over PostgreSQL: created by the demo command, a file blob stored in PostgreSQL.

Needs the local PostgreSQL server that `make test` starts (role and database created by the Makefile)."""

import hashlib
import importlib.util
import os
import pytest
import shutil
import subprocess
import textwrap


TEST_DATABASE = "deliberations_test"

ADD_FILE = textwrap.dedent(
    """
    import transaction
    from zope.component.hooks import setSite
    from plone import api
    from plone.namedfile.file import NamedBlobFile
    setSite(app.Plone)
    data = open({source!r}, "rb").read()
    api.content.create(container=app.Plone, type="File", id="annexe", title="Annexe",
                       file=NamedBlobFile(data=data, filename="annexe.bin"))
    transaction.commit()
    print("stored", len(data))
    """
)

READ_FILE = textwrap.dedent(
    """
    import hashlib
    from zope.component.hooks import setSite
    setSite(app.Plone)
    blob = app.Plone.annexe.file
    print("sha256", hashlib.sha256(blob.data).hexdigest(), blob.getSize(), app.Plone.Language())
    """
)


@pytest.fixture
def dsn():
    """A fresh, empty database on the local server; its DSN."""
    import psycopg2

    base = os.environ.get("DELIBERATIONS_PG_DSN")
    assert base, "DELIBERATIONS_PG_DSN is not set: run the suite with make test, which starts PostgreSQL"
    try:
        admin = psycopg2.connect(base)
    except psycopg2.OperationalError as error:
        pytest.fail(f"PostgreSQL does not answer ({error}): make test starts it (as root)")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {TEST_DATABASE}")
        cursor.execute(f"CREATE DATABASE {TEST_DATABASE}")
    admin.close()
    return base.replace("dbname='deliberations'", f"dbname='{TEST_DATABASE}'")


def run(command):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_site_and_blob_on_postgres(project_root, venv_bin, tmp_path, dsn):
    import psycopg2

    spec = importlib.util.spec_from_file_location("instance_config", project_root / "scripts" / "instance_config.py")
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    zope_conf, _ini = config.write(tmp_path / "instance", db="postgres", port=8099, dsn=dsn)

    assert "created /Plone" in run([venv_bin / "deliberations-site", zope_conf])

    payload = os.urandom(300_000)
    source = tmp_path / "annexe.bin"
    source.write_bytes(payload)
    add, read = tmp_path / "add.py", tmp_path / "read.py"
    add.write_text(ADD_FILE.format(source=str(source)))
    read.write_text(READ_FILE)
    assert "stored 300000" in run([venv_bin / "zconsole", "run", zope_conf, add])

    # The local blob directory is only a cache: without it, the file comes back from PostgreSQL.
    shutil.rmtree(tmp_path / "instance" / "var" / "blobcache-8099")
    answer = run([venv_bin / "zconsole", "run", zope_conf, read])
    assert f"sha256 {hashlib.sha256(payload).hexdigest()} 300000 fr" in answer

    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM blob_chunk")
        assert cursor.fetchone()[0] >= 1
