"""Run by test_upgrade.py in its own process, as an administrator would on the stopped instance: open the Data.fs
of `zope.conf`, upgrade the product's profile with its GenericSetup upgrade steps, print what the site holds."""

from collective.deliberations.upgrades.reimport import reimport
from collective.deliberations.zope_app import open_app
from collective.deliberations_demo.cli import SITE_ID
from zope.component.hooks import setSite

import json
import sys
import transaction


PROFILE = "collective.deliberations:default"
OURS = "collective.deliberations."


def state(site):
    registry = site.portal_registry
    return {
        "version": site.portal_setup.getLastVersionForProfile(PROFILE),
        "pending": [step["title"] for step in site.portal_setup.listUpgrades(PROFILE)],
        "records": sorted(registry.records.keys()),
        "values": {name: repr(registry[name]) for name in registry.records.keys() if name.startswith(OURS)},
        "roles": sorted(site.validRoles()),
        "permissions": {
            entry["name"]: sorted(role["name"] for role in site.rolesOfPermission(entry["name"]) if role["selected"])
            for entry in site.permission_settings()
        },
        "acquired": [entry["name"] for entry in site.permission_settings() if entry["acquire"]],
        "indexes": sorted(site.portal_catalog.indexes()),
        "columns": sorted(site.portal_catalog.schema()),
        "configlets": sorted(action.getId() for action in site.portal_controlpanel.listActions()),
    }


def main(zope_conf):
    app = open_app(zope_conf)
    site = app[SITE_ID]
    setSite(site)
    before = state(site)
    site.portal_setup.upgradeProfile(PROFILE)
    transaction.commit()
    after = state(site)
    reimport(site.portal_setup)  # the step run a second time changes nothing
    transaction.commit()
    print(json.dumps({"before": before, "after": after, "again": state(site)}))
    app._p_jar.db().close()


if __name__ == "__main__":
    main(sys.argv[1])
