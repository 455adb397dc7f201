"""The same site on RelStorage over PostgreSQL: created by the demo command, a file blob stored in PostgreSQL.

Needs the local PostgreSQL server that `make test` starts (role and database created by the Makefile)."""

import hashlib
import importlib.util
import os
import pytest
import shutil
import signal
import socket
import subprocess
import textwrap
import threading
import time


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


def make(project_root, *arguments):
    """`make` in the checkout as a person types it; .venv/.installed is taken as done (the suite runs in it)."""
    command = ["make", "-s", "-C", project_root, "-o", project_root / ".venv" / ".installed", *arguments]
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=300)


def admin_sql(sql):
    """A statement run as PostgreSQL's administrator, the way the Makefile creates roles (root only)."""
    command = ["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-d", "postgres", "-c", sql]
    subprocess.run(command, cwd="/tmp", capture_output=True, timeout=60, check=True)


@pytest.fixture
def own_role():
    """A role and a database named on the make line; dropped afterwards."""
    if os.getuid() != 0:
        pytest.skip("the Makefile creates PostgreSQL roles as root only")
    role = {"PGUSER": "deliberations_own", "PGDATABASE": "deliberations_own_db", "PGPASSWORD": "un mot de passe"}
    yield role
    admin_sql(f"DROP DATABASE IF EXISTS {role['PGDATABASE']}")
    admin_sql(f"DROP ROLE IF EXISTS {role['PGUSER']}")


@pytest.mark.postgres
def test_make_postgres_creates_the_role_and_database_of_the_make_line(project_root, own_role):
    """libpq reads PGUSER, PGDATABASE, PGPASSWORD from the environment: the make line's values name the
    application's role and must never reach the administrator's psql (peer authentication as postgres)."""
    import psycopg2

    line = [f"{key}={value}" for key, value in own_role.items()]
    result = make(project_root, "postgres", *line)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "FATAL" not in output
    assert "creating the PostgreSQL role deliberations_own" in output
    dsn = "host=127.0.0.1 user=deliberations_own dbname=deliberations_own_db password='un mot de passe'"
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_database()")
        assert cursor.fetchone() == ("deliberations_own", "deliberations_own_db")

    again = make(project_root, "postgres", *line)
    assert again.returncode == 0 and "creating" not in again.stdout, again.stdout + again.stderr

    wrong = make(project_root, "postgres", *line[:2], "PGPASSWORD=pas le bon")
    assert wrong.returncode != 0
    assert "PGPASSWORD" in wrong.stdout and "deliberations_own" in wrong.stdout, wrong.stdout + wrong.stderr


def test_two_instances_write_their_own_logs(project_root, tmp_path):
    """Two processes on one database (make start DB=postgres PORT=8081, PORT=8082) and the FileStorage instance
    beside them: each its own event.log, access.log and pid file (Zope's default, var/Z4.pid, is one for all)."""
    from Zope2.Startup.options import ZopeWSGIOptions

    import configparser

    spec = importlib.util.spec_from_file_location("instance_config", project_root / "scripts" / "instance_config.py")
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    logs, pids = [], []
    for db, port in (("postgres", 8081), ("postgres", 8082), ("filestorage", 8080)):
        conf, ini = config.write(tmp_path / "instance", db=db, port=port)
        parser = configparser.RawConfigParser()
        parser.read(ini)
        logs += [parser.get(f"handler_{name}", "args") for name in ("eventlog", "accesslog")]
        pids.append(ZopeWSGIOptions(str(conf))().configroot.pid_filename)  # as runwsgi reads it
    assert len(set(logs)) == 6, logs
    assert len(set(pids)) == 3, pids


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port):
    try:
        socket.create_connection(("127.0.0.1", port), 1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def pretend_instances(tmp_path):
    """Two running instances of one checkout, as `make stop` sees them: their pid files, of live processes."""
    var = tmp_path / "instance" / "var"
    var.mkdir(parents=True)
    processes = {port: subprocess.Popen(["sleep", "300"]) for port in (8081, 8082)}
    for port, process in processes.items():
        (var / f"zope-postgres-{port}.pid").write_text(str(process.pid))
        threading.Thread(target=process.wait, daemon=True).start()  # reaped once killed, as init would
    yield processes
    for process in processes.values():
        process.kill()
        process.wait()
    for pid_file in var.glob("mailserver*.pid"):
        try:
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
        except (ProcessLookupError, ValueError):
            pass


def wait_until(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def test_stopping_one_instance_leaves_the_mail_server_to_the_other(project_root, tmp_path, pretend_instances):
    instance = f"INSTANCE={tmp_path / 'instance'}"
    mail, other_mail = free_port(), free_port()
    for port in (mail, other_mail):  # two mail ports, two mail servers
        started = make(project_root, "mailserver", instance, f"MAIL_PORT={port}")
        assert started.returncode == 0, started.stdout + started.stderr
    assert answers(mail) and answers(other_mail)

    stop = make(project_root, "stop", instance, "DB=postgres", "PORT=8081", f"MAIL_PORT={mail}")
    assert stop.returncode == 0, stop.stdout + stop.stderr
    assert wait_until(lambda: pretend_instances[8081].poll() is not None)
    time.sleep(0.5)
    assert answers(mail), "make stop of one instance stopped the mail server the other still uses"

    stop = make(project_root, "stop", instance, "DB=postgres", "PORT=8082", f"MAIL_PORT={mail}")
    assert stop.returncode == 0, stop.stdout + stop.stderr
    assert wait_until(lambda: not answers(mail)), "the last instance stopped, its mail server did not"
    assert answers(other_mail)
