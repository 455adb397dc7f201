"""``deliberations-site``: create the demo site in a Zope instance (``make site`` and ``make run`` call it).

    deliberations-site instance/etc/zope.conf            # create /Plone if it is missing
    deliberations-site instance/etc/zope.conf --recreate # delete /Plone and create it again

The instance must not be running when it uses an embedded FileStorage (the file is locked).
"""

from collective.deliberations import compat  # noqa: F401  (before Zope loads any ZCML)
from collective.deliberations.zope_app import open_app

import argparse
import sys
import time


SITE_ID = "Plone"
SITE_TITLE = "Val d'Exemple : délibérations"
EXTENSIONS = (
    "plone.app.contenttypes:default",
    "plonetheme.barceloneta:default",
    "collective.deliberations:default",
    "collective.deliberations_demo:default",
)


def say(message, started=None):
    suffix = f" ({time.monotonic() - started:.1f} s)" if started else ""
    print(f"[deliberations-site] {message}{suffix}", flush=True)


def ensure_admin(app):
    from collective.deliberations_demo.accounts import ADMIN

    user_id, password = ADMIN
    if app.acl_users.getUserById(user_id) is None:
        app.acl_users._doAddUser(user_id, password, ["Manager"], [])
        say(f"created the Zope administrator '{user_id}'")


def delete_site(app, site_id):
    """Delete the whole site without firing the removal events of its content: the model's handlers of removed
    services, bodies and memberships expect a site around them and would fail (everything goes with the site)."""
    app._delObject(site_id, suppress_events=True)


def create_site(app, site_id=SITE_ID, recreate=False):
    """Create the demo site unless it exists; return True when it was created."""
    from Products.CMFPlone.factory import addPloneSite

    if site_id in app.objectIds():
        if not recreate:
            return False
        say(f"deleting /{site_id}")
        delete_site(app, site_id)
    addPloneSite(
        app,
        site_id,
        title=SITE_TITLE,
        extension_ids=EXTENSIONS,
        default_language="fr",
        portal_timezone="Europe/Paris",
    )
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(prog="deliberations-site", description=__doc__.splitlines()[0])
    parser.add_argument("zope_conf", help="path to the instance's zope.conf")
    parser.add_argument("--site-id", default=SITE_ID)
    parser.add_argument("--recreate", action="store_true", help="delete the site first if it exists")
    parser.add_argument(
        "--url",
        default="http://127.0.0.1:8080",
        help="where the instance will be served: the links in the messages the demo sends point there",
    )
    args = parser.parse_args(argv)

    started = time.monotonic()
    say(f"loading Zope with {args.zope_conf}")
    try:
        app = open_app(args.zope_conf, args.url)
    except Exception as error:
        if "lock" in str(error).lower():
            say(f"the database is locked ({error}): the instance is running, stop it first with make stop")
            return 1
        raise
    say("Zope loaded", started)

    import transaction

    ensure_admin(app)
    step = time.monotonic()
    if create_site(app, args.site_id, args.recreate):
        say(f"created /{args.site_id}", step)
    else:
        say(f"/{args.site_id} exists: nothing to do (make site recreates it)")
    transaction.commit()
    app._p_jar.db().close()
    say("done", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
