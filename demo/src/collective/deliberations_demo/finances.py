"""The dossiers of the Finances service: objet, nature, matière, exposé and dispositif (fictitious, short).

In titles, ``{year}`` is the current year and ``{next}`` the next one. ``annexes``: (title, flag) with flag one of
publishable, confidential, internal. ``rapporteur``: the index of a vice-president (default: finances).
``sent_back``: the validator's comment when the draft was once sent back to its author.
"""

COUNCIL = "Le conseil communautaire, après en avoir délibéré, décide"

DOSSIERS = {
    "decision-modificative-2": {
        "title": "Décision modificative n° 2 au budget principal {year}",
        "nature": "5",
        "matiere": "7.1",
        "expose": "Des crédits supplémentaires sont nécessaires pour l'entretien des voiries d'intérêt communautaire "
        "après les orages de l'été ; ils sont compensés par une recette de dotation supérieure à la prévision.",
        "dispositif": f"{COUNCIL} d'approuver la décision modificative n° 2 au budget principal telle qu'annexée.",
        "annexes": [("Décision modificative n° 2 : maquette budgétaire", "publishable")],
    },
    "tarifs-piscine": {
        "title": "Tarifs de la piscine intercommunale à compter du 1er janvier {next}",
        "nature": "1",
        "matiere": "7.10",
        "rapporteur": 4,
        "expose": "Les tarifs de la piscine n'ont pas évolué depuis trois ans alors que le coût de l'énergie a "
        "fortement augmenté. Il est proposé une hausse modérée et un tarif réduit pour les moins de 18 ans.",
        "dispositif": f"{COUNCIL} de fixer les tarifs de la piscine intercommunale selon la grille annexée.",
        "annexes": [("Grille tarifaire de la piscine intercommunale", "publishable")],
    },
    "subvention-solidarites": {
        "title": "Subvention de fonctionnement à l'association Val d'Exemple Solidarités",
        "nature": "1",
        "matiere": "7.5",
        "expose": "L'association tient l'épicerie solidaire intercommunale, qui a servi 640 foyers l'an passé.",
        "dispositif": f"{COUNCIL} d'attribuer une subvention de 18 000 euros à l'association Val d'Exemple "
        "Solidarités et d'autoriser la présidente à signer la convention d'objectifs.",
    },
    "garantie-emprunt-hlm": {
        "title": "Garantie d'emprunt accordée à Habitat du Val pour la construction de 24 logements sociaux",
        "nature": "1",
        "matiere": "7.3",
        "rapporteur": 1,
        "expose": "Le bailleur sollicite la garantie de la communauté à hauteur de 50 % d'un prêt de 2,9 millions "
        "d'euros. Le ratio de garanties accordées approche le plafond fixé par le conseil.",
        "dispositif": f"{COUNCIL} d'accorder sa garantie à hauteur de 50 % pour le remboursement du prêt.",
    },
    "remise-gracieuse": {
        "title": "Remise gracieuse d'une dette de redevance d'assainissement non collectif",
        "nature": "3",
        "matiere": "7.10",
        "expose": "Un usager en grande difficulté sociale, signalé par le centre intercommunal d'action sociale, "
        "sollicite la remise d'une dette de 412 euros. La décision lui sera notifiée.",
        "dispositif": f"{COUNCIL} d'accorder la remise gracieuse de la somme de 412 euros à l'usager concerné.",
        "huis_clos": True,  # a person's situation: examined in huis clos, voted in public ballot (demo/seance.py)
    },
    "redevance-speciale": {
        "title": "Redevance spéciale d'enlèvement des déchets des professionnels : tarifs {next}",
        "nature": "1",
        "matiere": "7.10",
        "rapporteur": 2,
        "expose": "La redevance spéciale finance la collecte des déchets assimilés des professionnels. Ajourné "
        "lors de la dernière séance, le dossier revient avec une simulation par catégorie d'entreprise.",
        "dispositif": f"{COUNCIL} de fixer les tarifs de la redevance spéciale pour {{next}} selon le barème annexé.",
        "commissions": ["commission-finances"],
    },
    "budget-primitif": {
        "title": "Budget primitif {next} : budget principal",
        "nature": "5",
        "matiere": "7.1",
        "expose": "Le budget primitif s'équilibre à 38,4 millions d'euros en fonctionnement et 12,1 millions en "
        "investissement, sans hausse des taux, conformément aux orientations débattues en novembre.",
        "dispositif": f"{COUNCIL} d'adopter le budget primitif {{next}} du budget principal, voté par chapitre.",
        "commissions": ["commission-finances"],
        "annexes": [
            ("Budget primitif {next} : maquette budgétaire", "publishable"),
            ("Avis du comptable public sur les restes à recouvrer", "confidential"),
            ("Fiche de travail du service Finances : hypothèses de recettes", "internal"),
        ],
    },
    "taux-fiscalite": {
        "title": "Vote des taux de fiscalité directe locale pour {next}",
        "nature": "1",
        "matiere": "7.2",
        "expose": "Il est proposé de maintenir les taux de {year} : cotisation foncière des entreprises 26,12 %, "
        "taxe foncière sur les propriétés bâties 2,05 %, non bâties 4,87 %.",
        "dispositif": f"{COUNCIL} de reconduire pour {{next}} les taux de fiscalité directe locale de {{year}}.",
        "commissions": ["commission-finances"],
        "annexes": [
            ("État 1259 de notification des bases prévisionnelles", "publishable"),
            ("Simulation du produit fiscal par commune", "confidential"),
            ("Notes de la réunion d'arbitrage budgétaire", "internal"),
        ],
    },
    "non-valeur": {
        "title": "Admission en non-valeur de créances irrécouvrables",
        "nature": "1",
        "matiere": "7.10",
        "expose": "Le comptable public présente des créances dont il n'a pu obtenir le recouvrement malgré les "
        "poursuites engagées, pour un montant total de 6 842,17 euros.",
        "dispositif": f"{COUNCIL} d'admettre en non-valeur les créances figurant sur l'état annexé.",
    },
    "subvention-detr": {
        "title": "Demande de subvention au titre de la DETR {next} pour la rénovation du gymnase intercommunal",
        "nature": "1",
        "matiere": "7.5",
        "rapporteur": 4,
        "expose": "La rénovation thermique du gymnase est estimée à 1,2 million d'euros hors taxes ; l'État peut "
        "la soutenir au titre de la dotation d'équipement des territoires ruraux.",
        "dispositif": "Le bureau communautaire, après en avoir délibéré par délégation du conseil, décide de "
        "solliciter une subvention de 360 000 euros au titre de la DETR {next}.",
    },
    "provisions": {
        "title": "Constitution d'une provision pour créances douteuses",
        "nature": "1",
        "matiere": "7.1",
        "expose": "L'instruction budgétaire M57 impose de provisionner les créances dont le recouvrement est "
        "compromis. Montant à confirmer avec le comptable public.",
        "dispositif": f"{COUNCIL} de constituer une provision de ... euros pour créances douteuses.",
    },
    "ligne-tresorerie": {
        "title": "Ouverture d'une ligne de trésorerie de 2 millions d'euros",
        "nature": "4",
        "matiere": "7.3",
        "expose": "Le décalage entre les dépenses d'investissement et le versement des subventions impose une "
        "ligne de trésorerie pour l'année {next}.",
        "dispositif": f"{COUNCIL} d'autoriser la présidente à ouvrir une ligne de trésorerie de 2 millions d'euros.",
        "sent_back": "Joindre l'offre de la banque retenue et le comparatif des trois offres.",
    },
    "amortissements": {
        "title": "Durées d'amortissement des immobilisations (nomenclature M57)",
        "nature": "1",
        "matiere": "7.1",
        "expose": "Le passage à la nomenclature M57 au 1er janvier impose de fixer les durées d'amortissement par "
        "catégorie de biens et d'appliquer la règle du prorata temporis.",
        "dispositif": f"{COUNCIL} de fixer les durées d'amortissement selon le tableau annexé.",
    },
    "subventions-sport": {
        "title": "Subventions aux associations sportives pour la saison {year}-{next}",
        "nature": "1",
        "matiere": "7.5",
        "rapporteur": 4,
        "expose": "Quatorze clubs ont déposé un dossier ; les critères adoptés en {year} (nombre de licenciés, "
        "part des jeunes, déplacements) ont été appliqués.",
        "dispositif": f"{COUNCIL} d'attribuer aux associations sportives les subventions figurant au tableau annexé.",
        "sent_back": "Les montants ne correspondent pas au tableau des critères : merci de vérifier.",
    },
}
