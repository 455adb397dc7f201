"""The people of the demo: the demo accounts, the groups with a global role, and the fictitious officials.

The officials (``conseiller-01`` ... ``conseiller-41``) are invented names: with ``elu`` and ``elu2`` they make the
43 members of the conseil communautaire. ``conseiller-01`` presides; ``conseiller-02`` to ``-07`` are vice-presidents.
"""

from collective.deliberations_demo.accounts import DEMO_PASSWORD
from collective.deliberations_demo.accounts import EMAIL_DOMAIN
from collective.deliberations_demo.accounts import GROUPS
from collective.deliberations_demo.accounts import USERS
from plone import api

import logging


logger = logging.getLogger("collective.deliberations_demo")

COMMUNES = (
    "Saint-Exemple",
    "Val-sur-Exemple",
    "Montagnac-le-Haut",
    "Les Vignères",
    "Puech-Rouge",
    "Castelnau-des-Prés",
    "Laval-Basse",
    "Saint-Martin-d'Exemple",
)

# (first name, last name, f|m, function)
OFFICIALS = (
    ("Hélène", "Marchetti", "f", "présidente"),
    ("Bernard", "Castagné", "m", "vice-président chargé des finances"),
    ("Sylvie", "Roumanille", "f", "vice-présidente chargée de l'urbanisme et de l'habitat"),
    ("Jean-Marc", "Delpech", "m", "vice-président chargé de l'environnement"),
    ("Nathalie", "Fabre-Vidal", "f", "vice-présidente chargée du développement économique"),
    ("Thierry", "Bousquet", "m", "vice-président chargé de la culture et du sport"),
    ("Isabelle", "Carrière", "f", "vice-présidente chargée des mobilités"),
    ("Patrick", "Soulier", "m", ""),
    ("Martine", "Estève", "f", ""),
    ("Philippe", "Granier", "m", ""),
    ("Catherine", "Lautier", "f", ""),
    ("Alain", "Py", "m", ""),
    ("Valérie", "Combes", "f", ""),
    ("Didier", "Maurel", "m", ""),
    ("Sandrine", "Teissier", "f", ""),
    ("Éric", "Vialaret", "m", ""),
    ("Christine", "Bouscaren", "f", ""),
    ("Laurent", "Arnal", "m", ""),
    ("Véronique", "Guiraud", "f", ""),
    ("Frédéric", "Cabanel", "m", ""),
    ("Brigitte", "Salles", "f", ""),
    ("Olivier", "Méric", "m", ""),
    ("Françoise", "Raynaud", "f", ""),
    ("Stéphane", "Tournier", "m", ""),
    ("Monique", "Pagès", "f", ""),
    ("Pascal", "Hérail", "m", ""),
    ("Corinne", "Bonnafous", "f", ""),
    ("Gilles", "Rouquette", "m", ""),
    ("Anne-Marie", "Coste", "f", ""),
    ("Christophe", "Azéma", "m", ""),
    ("Dominique", "Causse", "f", ""),
    ("Michel", "Barthès", "m", ""),
    ("Élodie", "Figuières", "f", ""),
    ("Sébastien", "Durand-Marty", "m", ""),
    ("Josiane", "Vidal", "f", ""),
    ("Yannick", "Séguier", "m", ""),
    ("Marie-Pierre", "Calvet", "f", ""),
    ("Julien", "Mas", "m", ""),
    ("Chantal", "Escudié", "f", ""),
    ("Romain", "Teulade", "m", ""),
    ("Agnès", "Pradal", "f", ""),
)


def official_id(number):
    return f"conseiller-{number:02d}"


OFFICIAL_IDS = [official_id(number) for number in range(1, len(OFFICIALS) + 1)]
PRESIDENT = OFFICIAL_IDS[0]
VICE_PRESIDENTS = OFFICIAL_IDS[1:7]


def officials():
    """{user id: (full name, function, commune)} of the generated officials."""
    result = {}
    for index, (first, last, gender, function) in enumerate(OFFICIALS):
        default = "conseillère communautaire" if gender == "f" else "conseiller communautaire"
        result[OFFICIAL_IDS[index]] = (f"{first} {last}", function or default, COMMUNES[index % len(COMMUNES)])
    return result


def ensure_groups():
    for group_id, (title, roles) in GROUPS.items():
        group = api.group.get(groupname=group_id)
        if group is None:
            api.group.create(groupname=group_id, title=title, roles=roles)
            continue
        missing = [role for role in roles if role not in group.getRoles()]
        if missing:
            api.group.grant_roles(groupname=group_id, roles=missing)


def ensure_user(user_id, fullname, description="", location=""):
    if api.user.get(username=user_id) is not None:
        return False
    api.user.create(
        username=user_id,
        email=f"{user_id}@{EMAIL_DOMAIN}",
        password=DEMO_PASSWORD,
        properties={"fullname": fullname, "description": description, "location": location},
    )
    return True


def ensure_users():
    for user_id, (fullname, function, groups) in USERS.items():
        if ensure_user(user_id, fullname, function):
            logger.info("created demo account %s", user_id)
        current = {g.getId() for g in api.group.get_groups(username=user_id)}
        for group_id in groups:
            if group_id not in current:
                api.group.add_user(groupname=group_id, username=user_id)


def ensure_officials():
    created = 0
    for user_id, (fullname, function, commune) in officials().items():
        created += ensure_user(user_id, fullname, function, commune)
    if created:
        logger.info("created %s fictitious officials", created)


def ensure_people():
    ensure_groups()
    ensure_users()
    ensure_officials()
