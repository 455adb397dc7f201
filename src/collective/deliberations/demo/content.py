"""Fill the demo site (profile collective.deliberations:demo). Idempotent: running it twice changes nothing."""

from collective.deliberations.collectivite import get_settings
from collective.deliberations.demo.accounts import DEMO_PASSWORD
from collective.deliberations.demo.accounts import GROUPS
from collective.deliberations.demo.accounts import USERS
from plone import api

import logging


logger = logging.getLogger("collective.deliberations.demo")

COLLECTIVITE = {
    "name": "Communauté de communes du Val d'Exemple",
    "kind": "epci",
    "population": 28450,
    "epci_with_large_commune": True,
    "siren": "200000172",
    "departement": "34",
    "numbering_pattern": "DEL{year}_{seq:03d}",
}


def configure_collectivite():
    settings = get_settings()
    for name, value in COLLECTIVITE.items():
        setattr(settings, name, value)


def ensure_groups():
    for group_id, title in GROUPS.items():
        if api.group.get(groupname=group_id) is None:
            api.group.create(groupname=group_id, title=title)


def ensure_users():
    for user_id, (fullname, _function, groups) in USERS.items():
        if api.user.get(username=user_id) is None:
            api.user.create(
                username=user_id,
                email=f"{user_id}@val-exemple.example.org",
                password=DEMO_PASSWORD,
                properties={"fullname": fullname},
            )
            logger.info("created demo account %s", user_id)
        for group_id in groups:
            if group_id not in [g.getId() for g in api.group.get_groups(username=user_id)]:
                api.group.add_user(groupname=group_id, username=user_id)


def populate(context=None):
    """Post-handler of the demo profile."""
    configure_collectivite()
    ensure_groups()
    ensure_users()
