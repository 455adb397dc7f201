"""A site made by the previous release upgrades to this version by its GenericSetup upgrade steps (issue 13,
finding 13): tests/upgrades/data holds the demo site as commit ca0a9cc (profile version 1000) made it. A copy is
upgraded in its own process, as an administrator would on the stopped instance, then served by runwsgi."""

from collective.deliberations_demo.accounts import ADMIN
from lxml import etree
from pathlib import Path
from types import SimpleNamespace
from zope.dottedname.resolve import resolve
from zope.schema import getFieldNames

import importlib.util
import json
import os
import pytest
import requests
import socket
import subprocess
import tarfile
import time


HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "previous-release.tar.xz"
PROFILE = HERE.parents[1] / "src" / "collective" / "deliberations" / "profiles" / "default"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def runtime_env():
    """The instance's environment: no setting of the tests, no background worker to wait for."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DELIBERATIONS_")}
    return env | {"DELIBERATIONS_CONVERSION_WORKER": "off", "DELIBERATIONS_MAIL_RETRY": "off"}


@pytest.fixture(scope="module")
def instance(project_root, tmp_path_factory):
    spec = importlib.util.spec_from_file_location("instance_config", project_root / "scripts" / "instance_config.py")
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    port = free_port()
    conf, ini = config.write(tmp_path_factory.mktemp("upgrade") / "instance", port=port)
    var = conf.parent.parent / "var"
    with tarfile.open(DATA) as archive:
        archive.extractall(var, filter="data")
    (var / "blobstorage").chmod(0o700)
    return SimpleNamespace(conf=conf, ini=ini, port=port)


@pytest.fixture(scope="module")
def upgraded(instance, venv_bin):
    command = [venv_bin / "python", HERE / "upgrade_site.py", instance.conf]
    result = subprocess.run(command, capture_output=True, text=True, env=runtime_env(), timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def site_url(instance, upgraded, venv_bin):
    log = open(instance.conf.parent.parent / "runwsgi.log", "w")  # noqa: SIM115  (closed below)
    command = [venv_bin / "runwsgi", instance.ini, "http_host=127.0.0.1", f"http_port={instance.port}"]
    server = subprocess.Popen(command, stdout=log, stderr=log, env=runtime_env())
    url = f"http://127.0.0.1:{instance.port}/Plone"
    try:
        for _ in range(180):
            assert server.poll() is None, (instance.conf.parent.parent / "runwsgi.log").read_text()[-3000:]
            try:
                requests.get(url, timeout=10)
                break
            except requests.ConnectionError:
                time.sleep(1)
        yield url
    finally:
        server.terminate()
        server.wait(60)
        log.close()


def current_version():
    return etree.parse(str(PROFILE / "metadata.xml")).findtext("version")


def profile_records():
    names = set()
    for records in etree.parse(str(PROFILE / "registry.xml")).iter("records"):
        interface = records.get("interface")
        if interface.startswith("collective.deliberations."):
            names |= {f"{records.get('prefix')}.{name}" for name in getFieldNames(resolve(interface))}
    return names


def profile_permissions():
    """{permission: (roles, acquired)} as rolemap.xml sets them on the site."""
    rolemap = etree.parse(str(PROFILE / "rolemap.xml"))
    return {
        permission.get("name"): (
            sorted(role.get("name") for role in permission.iter("role")),
            permission.get("acquire", "True").lower() == "true",
        )
        for permission in rolemap.iter("permission")
    }


def test_the_profile_is_upgraded_once(upgraded):
    assert upgraded["before"]["version"] == ["1000"]
    assert upgraded["before"]["pending"], "the previous release's site has no pending upgrade step"
    assert upgraded["after"]["version"] == [current_version()] == ["1001"]
    assert upgraded["after"]["pending"] == []
    assert upgraded["again"] == upgraded["after"], "the upgrade step run twice does not give the same site"


def test_the_settings_of_the_site_are_kept(upgraded):
    """The collectivité, convocation and archives settings the site had: an upgrade does not reset them."""
    before, after = upgraded["before"]["values"], upgraded["after"]["values"]
    assert before["collective.deliberations.collectivite.name"] == repr("Communauté de communes du Val d'Exemple")
    assert {name: after[name] for name in before} == before


def test_what_changed_in_the_profile_is_on_the_upgraded_site(upgraded):
    before, after = upgraded["before"], upgraded["after"]
    records = profile_records()
    assert records - set(before["records"]), "no new record since the previous release: is the fixture current?"
    assert records <= set(after["records"])
    roles = {role.get("name") for role in etree.parse(str(PROFILE / "rolemap.xml")).iter("role")}
    assert roles <= set(after["roles"])
    permissions = {name: (after["permissions"][name], name in after["acquired"]) for name in profile_permissions()}
    assert permissions == profile_permissions()
    catalog = etree.parse(str(PROFILE / "catalog.xml"))
    assert {index.get("name") for index in catalog.iter("index")} <= set(after["indexes"])
    assert {column.get("value") for column in catalog.iter("column")} <= set(after["columns"])
    configlets = {
        configlet.get("action_id") for configlet in etree.parse(str(PROFILE / "controlpanel.xml")).iter("configlet")
    }
    assert "convocations" in configlets - set(before["configlets"])  # this version's Convocations panel
    assert configlets <= set(after["configlets"])


def test_the_upgraded_site_serves_its_pages(site_url):
    admin = requests.Session()
    admin.auth = ADMIN
    assert requests.get(site_url, timeout=60).status_code == 200  # anonymous: the public home page
    found = admin.get(
        f"{site_url}/@search",
        params={"portal_type": "Session", "review_state": "closed", "sort_on": "start", "sort_order": "descending"},
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()["items"]
    session = found[0]["@id"]
    assert admin.get(session, timeout=120).status_code == 200
    for url in (f"{session}/@@dossier.pdf", f"{first_act(admin, site_url)}/@@acte.pdf"):
        response = admin.get(url, timeout=300)
        assert response.status_code == 200, url
        assert response.headers["Content-Type"].startswith("application/pdf") and response.content[:5] == b"%PDF-"


def test_the_archivist_exports_the_upgraded_site(site_url):
    """This version's SEDA schemas ship with the product: the site exports with no schema directory set."""
    found = requests.get(
        f"{site_url}/@search",
        params={"portal_type": "Session", "review_state": "closed"},
        headers={"Accept": "application/json"},
        auth=ADMIN,
        timeout=60,
    ).json()["items"]
    response = requests.get(f"{found[0]['@id']}/@sip", auth=ADMIN, headers={"Accept": "application/json"}, timeout=600)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"] == "application/zip"


def first_act(admin, site_url):
    """An act the assembly decided: its PDF is the act itself."""
    items = admin.get(
        f"{site_url}/@search",
        params={"portal_type": "Deliberation", "b_size": 500},
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()["items"]
    return next(item["@id"] for item in items if item["review_state"] in ("adopted", "published"))
