"""The demo site, created by the same command as `make run` (deliberations-site), twice in a row."""

from collective.deliberations.demo.accounts import DEMO_PASSWORD
from collective.deliberations.demo.accounts import USERS
from pathlib import Path

import importlib.util
import subprocess
import textwrap


CHECK = textwrap.dedent(
    """
    from AccessControl.SecurityManagement import newSecurityManager
    from zope.component.hooks import setSite
    site = app.Plone
    setSite(site)
    from plone import api
    from collective.deliberations.collectivite import get_settings, convocation_jours_francs
    print("language", site.Language())
    print("title", site.title)
    print("admin", app.acl_users.authenticate("admin", "admin", app.REQUEST) is not None)
    for user_id in {users!r}:
        user = api.user.get(username=user_id)
        ok = site.acl_users.authenticate(user_id, {password!r}, site.REQUEST) is not None
        groups = sorted(g.getId() for g in api.group.get_groups(user=user) if g.getId() != "AuthenticatedUsers")
        print("user", user_id, ok, ",".join(groups))
    settings = get_settings()
    print("collectivite", settings.name, settings.kind, settings.population, convocation_jours_francs(settings))
    print("installed", site.portal_setup.getLastVersionForProfile("collective.deliberations:default"))
    """
)


def instance(project_root, tmp_path):
    spec = importlib.util.spec_from_file_location("instance_config", project_root / "scripts" / "instance_config.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write(tmp_path / "instance")


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_demo_site_created_twice_in_a_row(project_root, venv_bin, tmp_path):
    zope_conf, _ini = instance(project_root, tmp_path)
    first = run([venv_bin / "deliberations-site", str(zope_conf)])
    assert "created /Plone" in first
    second = run([venv_bin / "deliberations-site", str(zope_conf)])
    assert "/Plone exists: nothing to do" in second

    script = tmp_path / "check.py"
    script.write_text(CHECK.format(users=list(USERS), password=DEMO_PASSWORD))
    lines = run([venv_bin / "zconsole", "run", str(zope_conf), str(script)]).splitlines()
    report = {
        line.split(" ", 1)[0] + (" " + line.split(" ")[1] if line.startswith("user") else ""): line for line in lines
    }
    assert report["language"] == "language fr"
    assert report["title"] == "title Val d'Exemple : délibérations"
    assert report["admin"] == "admin True"
    assert report["user elu"] == "user elu True commission-finances,conseil-communautaire,elus"
    assert report["user elu2"] == "user elu2 True conseil-communautaire,elus"
    assert report["user redacteur"] == "user redacteur True service-finances-agents"
    assert report["user redacteur-urba"] == "user redacteur-urba True service-urbanisme-agents"
    assert report["user valideur"] == "user valideur True service-finances-valideurs"
    assert report["user secretariat"] == "user secretariat True secretariat-assemblees"
    assert report["user archiviste"] == "user archiviste True archivistes"
    assert report["collectivite"] == "collectivite Communauté de communes du Val d'Exemple epci 28450 5"
    assert report["installed"] == "installed ('1000',)"

    recreated = run([venv_bin / "deliberations-site", str(zope_conf), "--recreate"])
    assert "deleting /Plone" in recreated and "created /Plone" in recreated


def test_locked_database_explained(project_root, venv_bin, tmp_path):
    """The embedded database is locked while the instance runs: the command says what to do."""
    from ZODB.FileStorage import FileStorage

    zope_conf, _ini = instance(project_root, tmp_path)
    storage = FileStorage(str(Path(zope_conf).parent.parent / "var" / "filestorage" / "Data.fs"))
    try:
        result = subprocess.run([venv_bin / "deliberations-site", str(zope_conf)], capture_output=True, text=True)
    finally:
        storage.close()
    assert result.returncode == 1
    assert "make stop" in result.stdout
