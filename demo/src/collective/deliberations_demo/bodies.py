"""Services, assemblies, commissions and their members. The model keeps the groups and local roles in step."""

from collective.deliberations_demo.people import OFFICIAL_IDS
from collective.deliberations_demo.people import PRESIDENT
from collective.deliberations_demo.people import VICE_PRESIDENTS
from collective.deliberations_demo.tools import acting_as
from collective.deliberations_demo.tools import as_manager
from collective.deliberations_demo.tools import get_or_create
from collective.deliberations_demo.tools import rich
from collective.deliberations_demo.tools import today
from datetime import date
from datetime import timedelta


# id -> (title, description, agents, validators)
SERVICES = {
    "finances": ("Finances", "Budget, fiscalité, subventions et dette.", ["redacteur"], ["valideur"]),
    "urbanisme": ("Urbanisme", "PLUi, droit des sols, habitat et aménagement.", ["redacteur-urba"], []),
    "ressources-humaines": ("Ressources humaines", "Emplois, carrières et formation des agents.", [], []),
    "environnement": ("Environnement", "Déchets, eau, assainissement et transition écologique.", [], []),
}

COUNCIL = "conseil-communautaire"
BUREAU = "bureau"

# id -> (title, vice-president who presides, number of members drawn from the council besides the president)
COMMISSIONS = {
    "commission-finances": ("Finances", VICE_PRESIDENTS[0], 6),
    "commission-urbanisme": ("Urbanisme et habitat", VICE_PRESIDENTS[1], 7),
    "commission-environnement": ("Environnement", VICE_PRESIDENTS[2], 6),
    "commission-developpement-economique": ("Développement économique", VICE_PRESIDENTS[3], 5),
    "commission-culture-sport": ("Culture et sport", VICE_PRESIDENTS[4], 6),
    "commission-mobilites": ("Mobilités", VICE_PRESIDENTS[5], 5),
    "commission-solidarites": ("Solidarités", OFFICIAL_IDS[7], 7),
}
# Officials without a seat in the bureau sit in the commissions (the ones after conseiller-08).
COMMISSION_POOL = OFFICIAL_IDS[8:]


def installation():
    """The day the council was installed: after the municipal elections of 2026, or some months ago."""
    installed = date(2026, 4, 9)
    return installed if installed <= today() - timedelta(days=60) else today() - timedelta(days=200)


def role_in_body(user_id, president, vice_presidents=()):
    if user_id == president:
        return "president"
    return "vice_president" if user_id in vice_presidents else "membre"


# Two council members asked for their convocation on paper (L2121-10): the follow-up lists them with their letters.
PAPER = ("conseiller-40", "conseiller-41")


def ensure_memberships(body, members, president, vice_presidents=(), paper=()):
    """One membership a member, its id the user id."""
    for user_id in members:
        if user_id in body.objectIds():
            continue
        with acting_as("secretariat"):
            get_or_create(
                body,
                "Membership",
                user_id,
                member=user_id,
                member_role=role_in_body(user_id, president, vice_presidents),
                voting_right=True,
                start=installation(),
                paper_convocation=user_id in paper,
            )


def ensure_services(portal):
    services = {}
    for service_id, (title, description, agents, validators) in SERVICES.items():
        with as_manager():
            service, _created = get_or_create(
                portal,
                "Service",
                service_id,
                title=title,
                description=description,
                agents=agents,
                validators=validators,
            )
        services[service_id] = service
    return services


def commission_members(index, president, size):
    start = index * 5
    drawn = [COMMISSION_POOL[(start + k) % len(COMMISSION_POOL)] for k in range(size)]
    return [president] + [user_id for user_id in drawn if user_id != president]


def ensure_document_space(commission, title):
    with as_manager():
        space, _created = get_or_create(
            commission,
            "Folder",
            "espace-documentaire",
            title="Espace documentaire",
            description=f"Documents de travail de la commission {title}, réservés à ses membres.",
        )
        get_or_create(
            space,
            "Document",
            "feuille-de-route",
            title=f"Feuille de route de la commission {title}",
            description="Calendrier des réunions et dossiers suivis pendant le mandat.",
            text=rich(
                f"La commission {title} se réunit une semaine environ avant chaque conseil communautaire.",
                "Elle examine les projets de délibération de son domaine et rend un avis : favorable, "
                "défavorable ou réservé. Ses travaux préparatoires ne sont pas publics.",
            ),
        )


def ensure_bodies(portal):
    """The council (43 members), the bureau (16) and the seven commissions of the council."""
    with acting_as("secretariat"):
        council, _created = get_or_create(
            portal,
            "Assembly",
            COUNCIL,
            title="Conseil communautaire",
            description="L'assemblée délibérante de la communauté de communes : 43 conseillers communautaires.",
            body_kind="conseil_communautaire",
        )
        bureau, _created = get_or_create(
            portal,
            "Assembly",
            BUREAU,
            title="Bureau communautaire",
            description="La présidente, les vice-présidents et neuf conseillers ; il décide par délégation du conseil.",
            body_kind="bureau",
        )
    ensure_memberships(council, ["elu", "elu2"] + OFFICIAL_IDS, PRESIDENT, VICE_PRESIDENTS, PAPER)
    ensure_memberships(bureau, OFFICIAL_IDS[:16], PRESIDENT, VICE_PRESIDENTS)
    commissions = {}
    for index, (commission_id, (title, president, size)) in enumerate(COMMISSIONS.items()):
        with acting_as("secretariat"):
            commission, _created = get_or_create(
                council,
                "Commission",
                commission_id,
                title=f"Commission {title}",
                description=f"Commission thématique du conseil communautaire : {title.lower()}.",
            )
        members = commission_members(index, president, size)
        if commission_id == "commission-finances":
            members.append("elu")
        ensure_memberships(commission, members, president, members[1:2])
        ensure_document_space(commission, title)
        commissions[commission_id] = commission
    return council, bureau, commissions
