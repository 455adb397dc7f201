"""One set of pins for both installs: constraints.txt (pip) and versions.cfg (buildout, generated)."""

from importlib.metadata import version

import importlib.util
import re
import subprocess
import sys


def load_pins(project_root):
    spec = importlib.util.spec_from_file_location("pins", project_root / "scripts" / "pins.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_versions_cfg_agrees_with_constraints(project_root):
    result = subprocess.run(
        [sys.executable, "scripts/pins.py", "--check"], cwd=project_root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_disagreement_is_named(project_root, tmp_path):
    pins = load_pins(project_root)
    stale = tmp_path / "versions.cfg"
    stale.write_text((project_root / "versions.cfg").read_text().replace("Zope = ", "Zope = 0.0.0\n# was "))
    assert pins.differences(pins.read_constraints(), pins.read_versions(stale)) == [
        f"Zope: constraints.txt has {pins.read_constraints()['Zope']}, versions.cfg has 0.0.0"
    ]


def test_pins(project_root):
    pins = load_pins(project_root).read_constraints()
    assert pins["Products.CMFPlone"] == pins["Plone"] == "6.2.2"
    assert pins["plone.app.layout"].startswith("6.0.")
    for name in ("plone.restapi", "plone.api", "collective.documentviewer", "RelStorage", "psycopg2-binary"):
        assert name in pins
    pre_releases = {name: v for name, v in pins.items() if re.search(r"(a|b|rc|dev)\d", v)}
    assert pre_releases == {}


def test_installed_set_is_the_pinned_set(project_root):
    """What runs the tests was installed through constraints.txt."""
    pins = load_pins(project_root).read_constraints()
    for name in ("Products.CMFPlone", "plone.app.layout", "plone.restapi", "Zope", "collective.documentviewer"):
        assert version(name) == pins[name], name


def test_buildout_extends_the_local_pins_only(project_root):
    """buildout.cfg reaches no URL: its pins are the generated versions.cfg, and every egg must be pinned."""
    import configparser

    config = configparser.ConfigParser(interpolation=None)
    config.read(project_root / "buildout.cfg")
    assert config["buildout"]["extends"].split() == ["versions.cfg"]
    assert config["buildout"]["allow-picked-versions"] == "false"
    assert "collective.deliberations.compat" in config["instance"]["initialization"]
    lines = [line for line in (project_root / "buildout.cfg").read_text().splitlines() if not line.startswith("#")]
    assert not [line for line in lines if "://" in line]
