"""Dossiers of séances held years ago, for the archivist (demo/archives.py): decided long enough ago for their
DUA to have ended. No ``{year}`` in their titles: they belong to the year of their séance."""

COUNCIL = "Le conseil communautaire, après en avoir délibéré, décide"
BUREAU = "Le bureau communautaire, par délégation du conseil, après en avoir délibéré, décide"

FINANCES = {
    "compte-administratif-ancien": {
        "title": "Approbation du compte administratif du budget principal",
        "nature": "5",
        "matiere": "7.1",
        "expose": "Le compte administratif retrace l'exécution du budget de l'exercice écoulé ; il est conforme au "
        "compte de gestion du comptable public.",
        "dispositif": f"{COUNCIL} d'approuver le compte administratif du budget principal.",
        "annexes": [("Compte administratif : présentation générale", "publishable")],
    },
    "tarifs-dechetterie-ancien": {
        "title": "Tarifs d'accès des professionnels aux déchetteries intercommunales",
        "nature": "1",
        "matiere": "7.10",
        "expose": "Les dépôts des professionnels sont facturés au volume ; la grille n'avait pas changé depuis "
        "cinq ans.",
        "dispositif": f"{COUNCIL} de fixer les tarifs d'accès des professionnels selon la grille annexée.",
        "annexes": [("Grille des tarifs des déchetteries", "publishable")],
    },
    "fonds-concours-ancien": {
        "title": "Fonds de concours à la commune de Saint-Exemple pour la rénovation de la salle des fêtes",
        "nature": "1",
        "matiere": "7.8",
        "expose": "La commune rénove sa salle des fêtes, équipement d'intérêt intercommunal ; le fonds de concours "
        "ne dépasse pas la part de financement assurée par la commune.",
        "dispositif": f"{COUNCIL} d'attribuer un fonds de concours de 40 000 euros à la commune de Saint-Exemple.",
    },
}

URBANISME = {
    "zac-ancienne": {
        "title": "Bilan de la concertation préalable à la création de la ZAC des Prés",
        "nature": "1",
        "matiere": "2.1",
        "expose": "La concertation s'est tenue pendant deux mois : trois réunions publiques et un registre en "
        "mairie ; ses conclusions sont annexées.",
        "dispositif": f"{COUNCIL} d'arrêter le bilan de la concertation préalable à la création de la ZAC des Prés.",
        "annexes": [("Bilan de la concertation", "publishable")],
    },
    "convention-instruction-ancienne": {
        "title": "Convention d'instruction des autorisations d'urbanisme avec les communes membres",
        "nature": "4",
        "matiere": "2.2",
        "expose": "Le service commun instruit les permis des communes qui le souhaitent ; la convention en fixe "
        "les conditions.",
        "dispositif": f"{BUREAU} d'approuver la convention type d'instruction des autorisations d'urbanisme.",
    },
}
