"""Fill the demo site (profile collective.deliberations_demo:default). Idempotent: running it twice changes nothing.

people.py: accounts, groups with a global role, fictitious officials; bodies.py: services, council, bureau,
commissions and memberships; dossiers.py (with finances.py, urbanisme.py): deliberations; agenda.py (with
sessions.py): sessions.
"""

from collective.deliberations.collectivite import get_settings
from collective.deliberations_demo.agenda import ensure_sessions
from collective.deliberations_demo.archives import ensure_archives
from collective.deliberations_demo.bodies import ensure_bodies
from collective.deliberations_demo.bodies import ensure_services
from collective.deliberations_demo.dossiers import ensure_dossiers_on_no_agenda
from collective.deliberations_demo.mail import configure_mail
from collective.deliberations_demo.people import ensure_people
from plone import api

import logging
import time


logger = logging.getLogger("collective.deliberations_demo")

COLLECTIVITE = {
    "name": "Communauté de communes du Val d'Exemple",
    "kind": "epci",
    "population": 28450,
    "epci_with_large_commune": True,
    "siren": "200000172",
    "nic": "00011",
    "departement": "34",
    "numbering_pattern": "DEL{year}_{seq:03d}",
}


def configure_collectivite():
    settings = get_settings()
    for name, value in COLLECTIVITE.items():
        if getattr(settings, name, None) != value:
            setattr(settings, name, value)


def populate(context=None):
    """Post-handler of the demo profile."""
    started = time.monotonic()
    portal = api.portal.get()
    configure_collectivite()
    configure_mail()  # convocations go to the local SMTP server of `make run`
    ensure_people()
    ensure_services(portal)
    ensure_bodies(portal)
    ensure_dossiers_on_no_agenda(portal)
    ensure_sessions(portal)
    ensure_archives(portal)  # old séances for the archivist
    logger.info("demo content ready in %.1f s", time.monotonic() - started)
