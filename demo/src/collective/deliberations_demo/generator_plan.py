"""The plan of ``deliberations-generate``: who, which bodies, which sessions and deliberations in which states, drawn
from a seed. Pure data, no Zope: ``generator.generate`` then creates it through the real API."""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import time as clock
from datetime import timedelta

import random


PASSWORD = "demo1234"
SECRETARIAT_GROUP = "secretaires"
SECRETARY = "secretaire"
ARCHIVIST = "archiviste-generateur"
OFFICIALS = 40
BUREAU_SIZE = 12
COMMISSION_SIZE = 10
YEARS_BACK = 5

# Their ids in the site are "service-<key>", apart from the demo site's own services (demo/bodies.py).
SERVICE_PREFIX = "service-"
# service key -> (title, weight in the deliberations, subjects: (title pattern, nature, matière))
SERVICES = {
    "finances": (
        "Finances",
        30,
        [
            ("Budget primitif {year}", "5", "7.1"),
            ("Décision modificative n° {n} du budget {year}", "5", "7.1"),
            ("Compte administratif {previous}", "5", "7.1"),
            ("Attribution d'une subvention à l'association {association}", "1", "7.5"),
            ("Garantie d'emprunt accordée à {landlord} pour {n} logements à {commune}", "1", "7.3"),
            ("Admission en non-valeur de créances irrécouvrables ({year})", "1", "7.10"),
            ("Tarifs des services publics communautaires pour {year}", "1", "7.2"),
        ],
    ),
    "urbanisme": (
        "Urbanisme",
        25,
        [
            ("Acquisition de la parcelle cadastrée {section} {n} à {commune}", "1", "3.1"),
            ("Cession d'un terrain de la zone d'activités de {commune}", "1", "3.2"),
            ("Modification n° {n} du plan local d'urbanisme intercommunal", "2", "2.1"),
            ("Instauration du droit de préemption urbain à {commune}", "2", "2.1"),
            ("Convention d'aménagement du quartier de la gare de {commune}", "4", "8.4"),
        ],
    ),
    "rh": (
        "Ressources humaines",
        15,
        [
            ("Création d'un poste de {grade}", "1", "4.1"),
            ("Modification du tableau des effectifs au 1er {month} {year}", "1", "4.1"),
            ("Nomination d'un {grade} stagiaire", "3", "4.1"),
            ("Recrutement d'agents contractuels saisonniers pour {year}", "1", "4.2"),
            ("Régime indemnitaire des agents : mise à jour du RIFSEEP", "2", "4.5"),
        ],
    ),
    "environnement": (
        "Environnement",
        20,
        [
            ("Convention avec {organisation} pour la collecte des déchets à {commune}", "4", "8.8"),
            ("Redevance d'enlèvement des ordures ménagères : tarifs {year}", "1", "7.2"),
            ("Plan climat-air-énergie territorial : bilan {previous}", "6", "8.8"),
            ("Adhésion au syndicat mixte {organisation}", "1", "5.7"),
        ],
    ),
    "culture": (
        "Culture et sports",
        10,
        [
            ("Tarifs de l'école de musique intercommunale {year}-{next}", "1", "7.2"),
            ("Subvention au festival {festival} {year}", "1", "7.5"),
            ("Convention de partenariat avec {association}", "4", "8.9"),
        ],
    ),
}

# body id -> (title, share of the sessions, commission or not, start hour, public); the commissions are inside the
# council. The ids differ from the demo site's own bodies (demo/bodies.py).
COUNCIL = "conseil"
BUREAU = "bureau-communautaire"
BODIES = {
    COUNCIL: ("Conseil communautaire", 30, False, clock(18, 30), True),
    BUREAU: ("Bureau communautaire", 25, False, clock(17, 0), False),
    "commission-finances": ("Commission Finances", 15, True, clock(14, 30), False),
    "commission-amenagement": ("Commission Aménagement et urbanisme", 15, True, clock(14, 30), False),
    "commission-solidarites": ("Commission Solidarités et culture", 15, True, clock(10, 0), False),
}

COMMUNES = ["Saint-Exemple", "Val-sur-Ex", "Montexemple", "Les Essais", "Ex-la-Rivière", "Pont-d'Exemple"]
ASSOCIATIONS = ["Les Amis du patrimoine", "Val d'Exemple Football Club", "Resto du cœur du Val", "Ex'Musique"]
LANDLORDS = ["Habitat du Val", "Logis d'Exemple", "Sud Habitat"]
ORGANISATIONS = ["Syndicat des eaux du Val", "Trivalex", "Énergies du Val"]
FESTIVALS = ["Jazz au Val", "Les Nuits d'Exemple", "Contes en campagne"]
GRADES = ["rédacteur territorial", "adjoint administratif", "technicien", "attaché territorial", "ingénieur"]
SECTIONS = ["AB", "AC", "ZD", "ZK", "B", "C"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
INFORMATION = ["Point d'information : rapport d'activité", "Questions diverses", "Présentation du calendrier"]

# Shares of the deliberations (outside the convening session) by fate; "decided" (on a past session) takes the rest.
SHARES = {"draft": 0.08, "proposed": 0.04, "validated": 0.04, "withdrawn": 0.01, "scheduled": 0.04}
REJECTED = 0.03  # of the decided ones
RECENT_DAYS = 60  # acts adopted in the last 60 days are not all published yet


@dataclass
class DeliberationSpec:
    id: str
    service: str
    author: str
    title: str
    nature: str
    matiere: str
    state: str  # the final state: draft, proposed, validated, withdrawn, scheduled, adopted, rejected, published
    session: str = None  # the path "<body>/<session id>" of its session, if any

    @property
    def path(self):
        """Its path from the site."""
        return f"{SERVICE_PREFIX}{self.service}/{self.id}"


@dataclass
class SessionSpec:
    id: str
    body: str
    title: str
    start: datetime
    kind: str
    public: bool
    state: str  # planned, convened, held, closed, cancelled
    items: list = field(default_factory=list)  # the DeliberationSpecs on its agenda, in order
    notes: list = field(default_factory=list)  # items without deliberation: titles

    @property
    def path(self):
        """Its path from the site."""
        body = f"{COUNCIL}/{self.body}" if BODIES[self.body][2] else self.body
        return f"{body}/{self.id}"


@dataclass
class Plan:
    services: dict  # key -> title
    bodies: dict  # id -> title
    members: dict  # body id -> [user ids]
    sessions: list  # SessionSpecs, by date
    deliberations: list  # DeliberationSpecs
    convening: SessionSpec = None

    def counts(self):
        """{state: number of deliberations}."""
        result = {}
        for spec in self.deliberations:
            result[spec.state] = result.get(spec.state, 0) + 1
        return result


def _split(total, weights):
    """`total` split in proportion to `weights` (largest remainders): a list of integers of sum `total`."""
    weight = sum(weights)
    exact = [total * w / weight for w in weights]
    result = [int(x) for x in exact]
    for index in sorted(range(len(weights)), key=lambda i: result[i] - exact[i])[: total - sum(result)]:
        result[index] += 1
    return result


def _session_title(body_title, start):
    return f"{body_title} du {start.day} {MONTHS[start.month - 1]} {start.year}"


def plan(deliberations=10000, sessions=2000, seed=2026, reference=None, convening_items=100, officials=OFFICIALS):
    """What `generate` creates, decided in advance from the seed alone: a Plan."""
    rng = random.Random(seed)
    reference = reference or date.today()
    officials = [f"elu-{n:02d}" for n in range(1, officials + 1)]
    members = {COUNCIL: officials, BUREAU: officials[:BUREAU_SIZE]}
    for body_id, (_title, _share, commission, _hour, _public) in BODIES.items():
        if commission:
            members[body_id] = sorted(rng.sample(officials, min(COMMISSION_SIZE, len(officials))))

    # Sessions: split among the bodies (the council has at least two: one past, the convening one), spread evenly
    # from January five years back to a year ahead.
    counts = dict(zip(BODIES, _split(sessions, [b[1] for b in BODIES.values()]), strict=True))
    while counts[COUNCIL] < min(2, sessions):
        donor = max((b for b in counts if b != COUNCIL), key=lambda b: counts[b])
        counts[donor] -= 1
        counts[COUNCIL] += 1
    first = datetime.combine(date(reference.year - YEARS_BACK, 1, 15), clock())
    last = datetime.combine(reference + timedelta(days=330), clock())
    now = datetime.combine(reference, clock())
    session_specs = []
    convening = None
    for body_id, (title, _share, commission, hour, public) in BODIES.items():
        number = counts[body_id]
        if body_id == COUNCIL and convening_items and number:
            start = datetime.combine(reference + timedelta(days=40), hour)
            convening = SessionSpec(
                "convocation-" + start.strftime("%Y-%m-%d"),
                body_id,
                _session_title(title, start),
                start,
                "ordinaire",
                public,
                "planned",
            )
            session_specs.append(convening)
            number -= 1
        step = (last - first) / max(number, 1)
        used = set()
        for index in range(number):
            day = (first + step * index + timedelta(days=rng.randint(-3, 3))).date()
            start = datetime.combine(day, hour)
            session_id = start.strftime("%Y-%m-%d")
            while session_id in used:
                session_id += "-bis"
            used.add(session_id)
            if start < now - timedelta(days=10):
                state = "cancelled" if rng.random() < 0.02 else "closed"
            elif start < now:
                state = "held"
            elif start < now + timedelta(days=15):
                state = "convened"
            else:
                state = "planned"
            kind = "extraordinaire" if rng.random() < 0.05 else "ordinaire"
            spec = SessionSpec(session_id, body_id, _session_title(title, start), start, kind, public, state)
            if commission and state != "cancelled":
                spec.notes = rng.sample(INFORMATION, rng.randint(0, 2))
            session_specs.append(spec)
    session_specs.sort(key=lambda s: (s.start, s.body))

    # Deliberations: their fates first, then their services, subjects and sessions.
    assembly = [s for s in session_specs if not BODIES[s.body][2] and s is not convening]
    past = [s for s in assembly if s.state in ("closed", "held")]
    future = [s for s in assembly if s.state in ("planned", "convened")]
    on_convening = min(convening_items, deliberations) if convening else 0
    rest = deliberations - on_convening
    fates = {name: round(rest * share) for name, share in SHARES.items()}
    if not future:
        fates["validated"] += fates.pop("scheduled")
    decided = rest - sum(fates.values())
    if not past:
        fates["validated"] += decided
        decided = 0
    sequence = ["convening"] * on_convening + ["decided"] * decided
    for name, number in fates.items():
        sequence += [name] * number
    rng.shuffle(sequence)

    services = {service_id: SERVICES[service_id][0] for service_id in SERVICES}
    service_ids = list(SERVICES)
    weights = [SERVICES[s][1] for s in service_ids]
    specs = []
    for number, fate in enumerate(sequence, start=1):
        service_id = rng.choices(service_ids, weights)[0]
        author = f"agent-{service_id}" if rng.random() < 0.7 else f"agent-{service_id}-2"
        session = None
        if fate == "convening":
            session = convening
        elif fate == "decided":
            session = rng.choice(past)
        elif fate == "scheduled":
            session = rng.choice(future)
        year = session.start.year if session else reference.year
        pattern, nature, matiere = rng.choice(SERVICES[service_id][2])
        title = pattern.format(
            year=year,
            previous=year - 1,
            next=year + 1,
            n=rng.randint(1, 120),
            month=rng.choice(MONTHS),
            commune=rng.choice(COMMUNES),
            association=rng.choice(ASSOCIATIONS),
            landlord=rng.choice(LANDLORDS),
            organisation=rng.choice(ORGANISATIONS),
            festival=rng.choice(FESTIVALS),
            grade=rng.choice(GRADES),
            section=rng.choice(SECTIONS),
        )
        state = fate
        if fate in ("convening", "scheduled"):
            state = "scheduled"
        elif fate == "decided":
            recent = session.start > now - timedelta(days=RECENT_DAYS)
            if rng.random() < REJECTED:
                state = "rejected"
            elif nature == "3" or (recent and rng.random() < 0.5):
                state = "adopted"  # an individual decision is notified, never published
            else:
                state = "published"
        spec = DeliberationSpec(f"projet-{number:05d}", service_id, author, title, nature, matiere, state)
        if session is not None:
            spec.session = session.path
            session.items.append(spec)
        specs.append(spec)
    return Plan(services, {b: BODIES[b][0] for b in BODIES}, members, session_specs, specs, convening)
