"""The sessions of the demo (data; demo/agenda.py builds them), in the order they are built."""

from collective.deliberations_demo.bodies import BUREAU
from collective.deliberations_demo.bodies import COUNCIL


# Each session: the demo key, its body (a path from the site), days from today, hour, the state it reaches, its
# deliberations with the outcome the secretariat records (None: still on the agenda), free items, documents.
SESSIONS = (
    {
        "key": "conseil-clos",
        "body": COUNCIL,
        "days": -35,
        "state": "closed",
        "items": (
            ("decision-modificative-2", "publish"),
            ("tarifs-piscine", "publish"),
            ("subvention-solidarites", "adopt"),
            ("garantie-emprunt-hlm", "reject"),
            ("remise-gracieuse", "adopt"),
            ("plui-modification-simplifiee", "publish"),
            ("preemption-tilleuls", "withdraw"),
            ("convention-epf", "adopt"),
            ("redevance-speciale", "postpone"),
        ),
        "free": (("questions", "Questions diverses"),),
        "votes": "demo/seance.py",  # held through the séance API: presence, proxies, votes of every kind
    },
    {
        "key": "conseil-en-cours",  # today, in progress (demo/seance.py): the secretariat tries @@seance
        "body": COUNCIL,
        "days": 0,
        "hour": (9, 30),
        "state": "held",
        "items": (
            ("fonds-concours-voirie", None),
            ("tarifs-dechetterie", None),
            ("admission-creances-eteintes", None),
            ("adhesion-agence-technique", None),
        ),
    },
    {
        "key": "commission-finances",
        "body": f"{COUNCIL}/commission-finances",
        "days": 5,
        "hour": (17, 30),
        "state": "convened",
        "items": (("budget-primitif", None), ("taux-fiscalite", None), ("redevance-speciale", None)),
    },
    {
        "key": "commission-urbanisme",
        "body": f"{COUNCIL}/commission-urbanisme",
        "days": 6,
        "hour": (17, 30),
        "state": "convened",
        "items": (("plui-modification-2", None), ("plh", None)),
    },
    {
        "key": "bureau-convoque",
        "body": BUREAU,
        "days": 8,
        "hour": (17, 0),
        "state": "convened",
        "items": (("subvention-detr", None),),
        "free": (("information", "Point d'étape sur le schéma directeur des équipements sportifs"),),
    },
    {
        "key": "conseil-convoque",
        "body": COUNCIL,
        "days": 12,
        "state": "convened",
        "items": (
            ("budget-primitif", None),
            ("taux-fiscalite", None),
            ("plui-modification-2", None),
            ("quartier-gare", None),
        ),
        "free": (
            ("information", "Rapport d'activité {year} du syndicat mixte des eaux du Val"),
            ("questions", "Questions diverses"),
        ),
        "documents": (("Convocation", "convocation"), ("Note explicative de synthèse", "note_synthese")),
    },
    {
        "key": "conseil-prevu",
        "body": COUNCIL,
        "days": 47,
        "state": "planned",
        "items": (("non-valeur", None), ("rlpi", None)),
    },
)
