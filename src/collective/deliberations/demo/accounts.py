"""Demo accounts and groups. Each is for demonstrations only: never keep them on a production site."""

DEMO_PASSWORD = "demo1234"

# group id -> title
GROUPS = {
    "service-finances-agents": "Service Finances : agents",
    "service-finances-valideurs": "Service Finances : valideurs",
    "service-urbanisme-agents": "Service Urbanisme : agents",
    "secretariat-assemblees": "Secrétariat des assemblées",
    "conseil-communautaire": "Conseil communautaire : membres",
    "commission-finances": "Commission Finances : membres",
    "elus": "Élus",
    "archivistes": "Archivistes",
}

# user id -> (full name, what they do, groups)
USERS = {
    "redacteur": ("Rédacteur Finances", "agent du service Finances", ["service-finances-agents"]),
    "redacteur-urba": ("Rédactrice Urbanisme", "agente du service Urbanisme", ["service-urbanisme-agents"]),
    "valideur": ("Valideur Finances", "valideur du service Finances", ["service-finances-valideurs"]),
    "secretariat": ("Secrétariat des assemblées", "secrétariat des assemblées", ["secretariat-assemblees"]),
    "elu": (
        "Élu Conseil et Finances",
        "élu, membre du conseil communautaire et de la commission Finances",
        ["elus", "conseil-communautaire", "commission-finances"],
    ),
    "elu2": ("Élue Conseil", "élue, membre du conseil communautaire", ["elus", "conseil-communautaire"]),
    "archiviste": ("Archiviste", "archiviste", ["archivistes"]),
}

# The Zope administrator, created at the root of the instance, outside the site.
ADMIN = ("admin", "admin")
