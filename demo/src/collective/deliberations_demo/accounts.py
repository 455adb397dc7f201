"""Demo accounts and groups. Each is for demonstrations only: never keep them on a production site.

Only the groups that carry a global role are listed here: the groups of the services (agents, validators) and of
the bodies (their current members) are created and kept in step by the model itself.
"""

DEMO_PASSWORD = "demo1234"
EMAIL_DOMAIN = "val-exemple.example.org"

# group id -> (title, global roles)
GROUPS = {
    "secretariat-assemblees": ("Secrétariat des assemblées", ["Secretariat"]),
    "archivistes": ("Archivistes", ["Archivist"]),
}

# user id -> (full name, what they do, groups)
USERS = {
    "redacteur": ("Rédacteur Finances", "agent du service Finances", []),
    "redacteur-urba": ("Rédactrice Urbanisme", "agente du service Urbanisme", []),
    "valideur": ("Valideur Finances", "valideur du service Finances", []),
    "secretariat": ("Secrétariat des assemblées", "secrétariat des assemblées", ["secretariat-assemblees"]),
    "elu": ("Élu Conseil et Finances", "élu, membre du conseil communautaire et de la commission Finances", []),
    "elu2": ("Élue Conseil", "élue, membre du conseil communautaire", []),
    "archiviste": ("Archiviste", "archiviste", ["archivistes"]),
}

# The Zope administrator, created at the root of the instance, outside the site.
ADMIN = ("admin", "admin")
