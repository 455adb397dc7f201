"""The dossiers of the council held today in the demo (demo/seance.py): two voted, two for the secretariat to try."""

COUNCIL = "Le conseil communautaire, après en avoir délibéré, décide"

FINANCES = {
    "fonds-concours-voirie": {
        "title": "Fonds de concours à la commune de Saint-Exemple pour la réfection de la rue des Écoles",
        "nature": "1",
        "matiere": "7.8",
        "expose": "La commune réalise des travaux de voirie de 220 000 euros ; elle sollicite un fonds de concours "
        "de 40 000 euros, dans la limite de la moitié de la part restant à sa charge.",
        "dispositif": f"{COUNCIL} d'attribuer un fonds de concours de 40 000 euros à la commune de Saint-Exemple.",
    },
    "tarifs-dechetterie": {
        "title": "Tarifs des déchetteries pour les professionnels à compter du 1er janvier {next}",
        "nature": "1",
        "matiere": "7.10",
        "expose": "Les apports des professionnels en déchetterie sont facturés au mètre cube ; le coût du "
        "traitement a augmenté de 6 %.",
        "dispositif": f"{COUNCIL} de fixer les tarifs des déchetteries pour les professionnels selon la grille"
        " annexée.",
    },
    "admission-creances-eteintes": {
        "title": "Admission en créances éteintes de produits irrécouvrables du budget annexe des déchets",
        "nature": "1",
        "matiere": "7.1",
        "expose": "Le comptable public a transmis un état de créances éteintes par des jugements de clôture pour "
        "insuffisance d'actif, pour un montant de 3 140 euros.",
        "dispositif": f"{COUNCIL} d'admettre en créances éteintes la somme de 3 140 euros.",
    },
    "adhesion-agence-technique": {
        "title": "Adhésion à l'agence technique départementale pour l'assistance à maîtrise d'ouvrage",
        "nature": "4",
        "matiere": "5.7",
        "expose": "L'agence technique du département apporte une assistance aux projets de voirie et de bâtiments ; "
        "l'adhésion coûte 0,50 euro par habitant.",
        "dispositif": f"{COUNCIL} d'adhérer à l'agence technique départementale et d'autoriser la présidente à "
        "signer la convention.",
    },
}
