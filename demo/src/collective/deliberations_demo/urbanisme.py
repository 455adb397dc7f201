"""The dossiers of the Urbanisme service (same format as demo/finances.py). The service has no validator of its
own in the demo: its drafts are validated by the administrator."""

COUNCIL = "Le conseil communautaire, après en avoir délibéré, décide"

DOSSIERS = {
    "plui-modification-simplifiee": {
        "title": "Approbation de la modification simplifiée n° 1 du PLUi",
        "nature": "2",
        "matiere": "2.1",
        "expose": "La modification simplifiée corrige des erreurs matérielles du règlement graphique et adapte "
        "les règles de stationnement en centre-bourg. Le dossier a été mis à disposition du public un mois.",
        "dispositif": f"{COUNCIL} d'approuver la modification simplifiée n° 1 du plan local d'urbanisme "
        "intercommunal telle qu'annexée.",
        "annexes": [("Notice de présentation de la modification simplifiée", "publishable")],
    },
    "preemption-tilleuls": {
        "title": "Instauration du droit de préemption urbain renforcé sur la zone des Tilleuls",
        "nature": "1",
        "matiere": "2.3",
        "expose": "La zone des Tilleuls connaît des divisions de logements non maîtrisées. Le droit de préemption "
        "renforcé permettrait d'intervenir sur les lots de copropriété.",
        "dispositif": f"{COUNCIL} d'instituer le droit de préemption urbain renforcé sur le périmètre annexé.",
    },
    "convention-epf": {
        "title": "Convention opérationnelle avec l'établissement public foncier pour le site de l'ancienne laiterie",
        "nature": "4",
        "matiere": "3.1",
        "expose": "L'établissement public foncier acquerrait et porterait le site pendant cinq ans, le temps "
        "d'arrêter le programme de logements et d'activités.",
        "dispositif": f"{COUNCIL} d'approuver la convention et d'autoriser la présidente à la signer.",
    },
    "plui-modification-2": {
        "title": "Modification n° 2 du PLUi : engagement de la procédure",
        "nature": "1",
        "matiere": "2.1",
        "expose": "Trois communes demandent l'ouverture à l'urbanisation de zones 2AU et la protection de haies "
        "bocagères. Une modification de droit commun, avec enquête publique, est nécessaire.",
        "dispositif": f"{COUNCIL} d'engager la modification n° 2 du PLUi et d'en fixer les objectifs annexés.",
        "commissions": ["commission-urbanisme"],
        "annexes": [
            ("Objectifs de la modification n° 2 du PLUi", "publishable"),
            ("Avis juridique sur l'ouverture des zones 2AU", "confidential"),
            ("Tableau de suivi interne des demandes des communes", "internal"),
        ],
    },
    "quartier-gare": {
        "title": "Concession d'aménagement du quartier de la gare : choix du concessionnaire",
        "nature": "4",
        "matiere": "1.4",
        "expose": "Deux candidats ont remis une offre. La commission d'aménagement propose de retenir la Société "
        "d'équipement du Val, dont l'offre limite la participation publique à 1,6 million d'euros.",
        "dispositif": f"{COUNCIL} de confier la concession d'aménagement du quartier de la gare à la Société "
        "d'équipement du Val et d'autoriser la présidente à signer le traité de concession.",
        "annexes": [
            ("Traité de concession d'aménagement", "publishable"),
            ("Rapport d'analyse des offres", "confidential"),
            ("Échanges préparatoires avec les candidats", "internal"),
        ],
    },
    "rlpi": {
        "title": "Arrêt du projet de règlement local de publicité intercommunal",
        "nature": "2",
        "matiere": "2.1",
        "expose": "Le règlement local de publicité encadre les enseignes et les publicités dans les huit communes ; "
        "la concertation avec les commerçants s'est achevée en septembre.",
        "dispositif": f"{COUNCIL} de tirer le bilan de la concertation et d'arrêter le projet de règlement.",
    },
    "plh": {
        "title": "Programme local de l'habitat {next}-{last} : arrêt du projet",
        "nature": "1",
        "matiere": "8.5",
        "expose": "Le programme prévoit 1 150 logements en six ans, dont 25 % de logements sociaux, et une aide à "
        "la rénovation des logements vacants des centres anciens.",
        "dispositif": f"{COUNCIL} d'arrêter le projet de programme local de l'habitat et de le soumettre aux "
        "communes pour avis.",
        "commissions": ["commission-urbanisme"],
    },
    "permis-de-louer": {
        "title": "Instauration du permis de louer dans le centre ancien de Saint-Exemple",
        "nature": "1",
        "matiere": "8.5",
        "expose": "Pour lutter contre l'habitat indigne, toute mise en location dans le périmètre serait soumise "
        "à autorisation préalable.",
        "dispositif": f"{COUNCIL} d'instaurer l'autorisation préalable de mise en location sur le périmètre annexé.",
    },
    "taxe-amenagement": {
        "title": "Taxe d'aménagement : exonération des abris de jardin",
        "nature": "1",
        "matiere": "7.2",
        "expose": "Plusieurs communes demandent l'exonération des abris de jardin soumis à déclaration préalable.",
        "dispositif": f"{COUNCIL} d'exonérer de la part intercommunale de la taxe d'aménagement les abris de jardin.",
    },
}
