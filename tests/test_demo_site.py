"""The demo site, created by the same command as `make run` (deliberations-site), twice in a row."""

from collective.deliberations_demo.accounts import DEMO_PASSWORD
from collective.deliberations_demo.accounts import USERS
from pathlib import Path

import importlib.util
import subprocess
import textwrap


CHECK = textwrap.dedent(
    """
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system
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
        groups = api.group.get_groups(user=user)
        groups = sorted(g.getProperty("title") for g in groups if g.getId() != "AuthenticatedUsers")
        print("user", user_id, ok, "|".join(groups))
    for user_id in ("secretariat", "archiviste", "elu"):
        roles = sorted(set(api.user.get_roles(username=user_id)) - {{"Authenticated", "Member"}})
        print("roles", user_id, ",".join(roles))
    settings = get_settings()
    print("collectivite", settings.name, settings.kind, settings.population, convocation_jours_francs(settings))
    print("installed", site.portal_setup.getLastVersionForProfile("collective.deliberations:default"))
    catalog = site.portal_catalog

    def find(**query):
        return [b._unrestrictedGetObject() for b in catalog.unrestrictedSearchResults(**query)]

    def fingerprint():
        objects = find(path="/".join(site.getPhysicalPath()))
        rows = sorted(
            (o.portal_type, "/".join(o.getPhysicalPath()), api.content.get_state(o, default=""), str(o.modified()),
             sum(len(h) for h in getattr(o, "workflow_history", {{}}).values()))
            for o in objects
        )
        return rows, sorted(u.getId() for u in api.user.get_users()), sorted(g.getId() for g in api.group.get_groups())

    for path in ("conseil-communautaire", "bureau"):
        body = site.unrestrictedTraverse(path)
        current = [m for m in body.objectValues() if m.portal_type == "Membership" and m.is_current()]
        group = api.group.get(groupname="members-" + body.UID())
        print("body", path, len(current), len(group.getGroupMemberIds()))
    print("commissions", len(find(portal_type="Commission")))
    seats = {{c.getId(): [getattr(m, "member", "") for m in c.objectValues()] for c in find(portal_type="Commission")}}
    print("elu-commissions", ",".join(sorted(c for c, members in seats.items() if "elu" in members)))
    for state in ("draft", "proposed", "validated", "scheduled", "adopted", "rejected", "withdrawn", "published"):
        print("state", state, len(find(portal_type="Deliberation", review_state=state)))
    print("sessions", ",".join(sorted(
        s.aq_parent.getId() + ":" + api.content.get_state(s) for s in find(portal_type="Session"))))
    files = find(portal_type="File")
    print("files", ",".join(sorted({{api.content.get_state(f) for f in files}})),
          all(f.file.data.startswith(b"%PDF-") for f in files if f.getId() != "proces-verbal-projet"))
    before = fingerprint()
    newSecurityManager(None, system)
    site.portal_setup.runAllImportStepsFromProfile("profile-collective.deliberations_demo:default")
    after = fingerprint()
    print("rerun", "unchanged" if before == after else "changed", len(before[0]), len(before[1]))
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
    users = list(USERS) + ["conseiller-01", "conseiller-41"]
    script.write_text(CHECK.format(users=users, password=DEMO_PASSWORD))
    lines = run([venv_bin / "zconsole", "run", str(zope_conf), str(script)]).splitlines()
    keyed = ("user", "roles", "body", "state")
    report = {" ".join(line.split(" ")[: 2 if line.startswith(keyed) else 1]): line for line in lines}
    assert report["language"] == "language fr"
    assert report["title"] == "title Val d'Exemple : délibérations"
    assert report["admin"] == "admin True"
    assert report["user elu"] == "user elu True Membres : Commission Finances|Membres : Conseil communautaire"
    assert report["user elu2"] == "user elu2 True Membres : Conseil communautaire"
    assert report["user redacteur"] == "user redacteur True Agents : Finances"
    assert report["user redacteur-urba"] == "user redacteur-urba True Agents : Urbanisme"
    assert report["user valideur"] == "user valideur True Valideurs : Finances"
    assert report["user secretariat"] == "user secretariat True Secrétariat des assemblées"
    assert report["user archiviste"] == "user archiviste True Archivistes"
    assert report["user conseiller-01"].startswith("user conseiller-01 True Membres : Bureau communautaire|")
    assert report["user conseiller-41"].startswith("user conseiller-41 True ")
    assert report["roles secretariat"] == "roles secretariat Secretariat"
    assert report["roles archiviste"] == "roles archiviste Archivist"
    assert report["roles elu"] == "roles elu "
    assert report["collectivite"] == "collectivite Communauté de communes du Val d'Exemple epci 28450 5"
    assert report["installed"] == "installed ('1001',)"

    # the world of the demo: bodies, members, deliberations in every state, sessions, documents
    assert report["body conseil-communautaire"] == "body conseil-communautaire 43 43"
    assert report["body bureau"] == "body bureau 16 16"
    assert report["commissions"] == "commissions 7"
    assert report["elu-commissions"] == "elu-commissions commission-finances"
    states = {line.split()[1]: int(line.split()[2]) for line in lines if line.startswith("state ")}
    assert len(states) == 8 and all(states.values()), states
    sessions = report["sessions"].split(" ", 1)[1].split(",")
    assert sorted(sessions) == sorted(
        [
            "conseil-communautaire:closed",
            "conseil-communautaire:held",  # in progress today, for the secretariat to try (demo/seance.py)
            "conseil-communautaire:convened",
            "conseil-communautaire:planned",
            "bureau:convened",
            "commission-finances:convened",
            "commission-urbanisme:convened",
            # séances closed years ago, for the archivist (demo/archives.py)
            "conseil-communautaire:closed",
            "conseil-communautaire:closed",
            "bureau:closed",
        ]
    )
    assert report["files"] == "files confidential,internal,publishable True"
    # populate() again: nothing created, nothing changed (objects, states, histories, users, groups)
    assert report["rerun"].startswith("rerun unchanged "), report["rerun"]

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
