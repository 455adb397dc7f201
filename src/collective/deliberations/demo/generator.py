"""``deliberations-generate``: fill a site with years of deliberations and sessions, for benchmarks and demos.

    deliberations-generate instance/etc/zope.conf                          # 10,000 deliberations, 2,000 sessions
    deliberations-generate instance/etc/zope.conf --deliberations 500 --sessions 100 --seed 7

Everything goes through the real API, as the people concerned would do it: the agents of five services write their
projets, their validators validate them, the secretariat puts them on the agenda of the council's and the bureau's
sessions, convenes, holds and closes the sessions, records the votes and publishes the acts. Events, groups, local
roles, workflow histories and the catalog are therefore the product's own. The instance must be stopped (the
FileStorage is locked). It commits every 500 objects and says so; the default volume (some 21,000 objects) takes
about 13 minutes on one core, mostly in catalog indexing.

The same seed and the same reference date give the same site (titles, states, sessions, agendas; not the UIDs).
Sessions before the reference date (default: today) are closed (held in the last ten days, a few cancelled), those in
the next fifteen days convened, the later ones planned; one planned council session 40 days ahead holds exactly
``convening_items`` (100) scheduled deliberations, for measuring its convocation.

Its content sits beside the demo site's own, under other ids: the services ``service-finances``, ``service-urbanisme``,
``service-rh``, ``service-environnement``, ``service-culture``; the assemblies ``conseil`` (with three commissions)
and ``bureau-communautaire``. Accounts (password ``demo1234``, for demonstrations only): ``agent-<service>`` and
``agent-<service>-2``, ``valideur-<service>`` (``agent-finances``...); ``secretaire`` (role Secretariat through the
group ``secretaires``); ``elu-01``... members of the council (the first twelve also of the bureau, ten of each
commission); ``archiviste-generateur`` (role Archivist).
"""

from collective.deliberations import compat  # noqa: F401  (before Zope loads any ZCML)
from collective.deliberations.convocation import replaying_history
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import time as clock
from datetime import timedelta

import argparse
import random
import sys
import time


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


class Progress:
    """Counts the objects created; every `batch` of them: a line with the elapsed time, and a commit."""

    def __init__(self, batch=500, commit=True, log=print):
        self.batch, self.commit, self.log = batch, commit, log
        self.started = time.monotonic()
        self.count = 0
        self.kinds = {}

    def created(self, kind):
        import transaction

        self.count += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if self.count % self.batch == 0:
            if self.commit:
                transaction.commit()
            else:
                transaction.savepoint(optimistic=True)
            _forget_request_caches()
            self.log(f"{self.count} objects ({self.summary()}) {self.elapsed():.1f} s")

    def summary(self):
        return ", ".join(f"{number} {kind}" for kind, number in sorted(self.kinds.items()))

    def elapsed(self):
        return time.monotonic() - self.started


def _forget_request_caches():
    """borg.localrole memoizes local roles on the request: one request lasts the whole generation."""
    from zope.annotation.interfaces import IAnnotations
    from zope.globalrequest import getRequest

    request = getRequest()
    if request is None:
        return
    annotations = IAnnotations(request)
    for key in [k for k in annotations if str(k).startswith("borg.localrole")]:
        del annotations[key]


class Actors:
    """Act as a user (as api.env.adopt_user does), the user objects looked up once."""

    def __init__(self, portal):
        self.acl_users = portal.acl_users
        self.users = {}

    @contextmanager
    def acting(self, user_id):
        from AccessControl.SecurityManagement import getSecurityManager
        from AccessControl.SecurityManagement import newSecurityManager
        from AccessControl.SecurityManagement import setSecurityManager
        from zope.globalrequest import getRequest

        user = self.users.get(user_id)
        if user is None:
            user = self.users[user_id] = self.acl_users.getUserById(user_id).__of__(self.acl_users)
        previous = getSecurityManager()
        newSecurityManager(getRequest(), user)
        try:
            yield user
        finally:
            setSecurityManager(previous)


def _ensure_user(user_id, fullname):
    from plone import api

    if api.user.get(userid=user_id) is None:
        api.user.create(
            username=user_id,
            email=f"{user_id}@val-exemple.example.org",
            password=PASSWORD,
            properties={"fullname": fullname},
        )


def _accounts(the_plan):
    from plone import api

    for service_id, title in the_plan.services.items():
        _ensure_user(f"agent-{service_id}", f"Agent {title}")
        _ensure_user(f"agent-{service_id}-2", f"Agente {title}")
        _ensure_user(f"valideur-{service_id}", f"Valideur {title}")
    _ensure_user(SECRETARY, "Secrétaire des assemblées")
    if api.group.get(groupname=SECRETARIAT_GROUP) is None:
        api.group.create(groupname=SECRETARIAT_GROUP, title="Secrétariat des assemblées", roles=["Secretariat"])
    api.group.add_user(groupname=SECRETARIAT_GROUP, username=SECRETARY)
    _ensure_user(ARCHIVIST, "Archiviste")
    api.user.grant_roles(username=ARCHIVIST, roles=["Archivist"])
    for user_id in the_plan.members[COUNCIL]:
        _ensure_user(user_id, f"Élu {user_id[4:]}")


def _structure(portal, the_plan):
    """Services, the council with its commissions, the bureau, memberships: as a Manager would set them up."""
    from plone import api

    for service_id, title in the_plan.services.items():
        api.content.create(
            portal,
            "Service",
            id=SERVICE_PREFIX + service_id,
            title=title,
            agents=[f"agent-{service_id}", f"agent-{service_id}-2"],
            validators=[f"valideur-{service_id}"],
        )
    bodies = {}
    for body_id, (title, _share, commission, _hour, _public) in BODIES.items():
        if commission:
            container = bodies[COUNCIL]
            bodies[body_id] = api.content.create(container, "Commission", id=body_id, title=title)
        else:
            kind = "bureau" if body_id == BUREAU else "conseil_communautaire"
            bodies[body_id] = api.content.create(portal, "Assembly", id=body_id, title=title, body_kind=kind)
        for position, user_id in enumerate(the_plan.members[body_id]):
            role = "president" if position == 0 and not commission else "membre"
            api.content.create(bodies[body_id], "Membership", id=user_id, member=user_id, member_role=role)
    return bodies


def generate(portal, deliberations=10000, sessions=2000, seed=2026, reference=None, convening_items=100,
             officials=OFFICIALS, batch=500, commit=True, log=print):  # fmt: skip
    """Create the Plan of these arguments in `portal` through the real API; return the Plan.

    `commit` False takes savepoints instead of commits (in tests); `log` receives the progress lines.
    """
    from plone import api
    from zope.component.hooks import setSite

    import transaction

    setSite(portal)
    the_plan = plan(deliberations, sessions, seed, reference, convening_items, officials)
    progress = Progress(batch, commit, log)
    log(
        f"plan: {len(the_plan.deliberations)} deliberations, {len(the_plan.sessions)} sessions, "
        f"{len(the_plan.members[COUNCIL])} officials; states {the_plan.counts()}"
    )
    ids = [SERVICE_PREFIX + key for key in the_plan.services] + [COUNCIL, BUREAU]
    taken = [i for i in ids if i in portal.objectIds()]
    if taken:
        raise ValueError(f"already generated on this site ({', '.join(taken)} exist): use a new site")
    _accounts(the_plan)
    bodies = _structure(portal, the_plan)
    log(f"accounts, services, bodies and memberships {progress.elapsed():.1f} s")
    actors = Actors(portal)
    workflow = api.portal.get_tool("portal_workflow")

    def write(spec, final=None):
        """The projet written by its author and, unless `final` says less, proposed and validated."""
        service = portal[SERVICE_PREFIX + spec.service]
        with actors.acting(spec.author):
            obj = api.content.create(
                service, "Deliberation", id=spec.id, title=spec.title, nature=spec.nature, matiere=spec.matiere
            )
            progress.created("deliberations")
            if (final or spec.state) == "draft":
                return obj
            workflow.doActionFor(obj, "propose")
        if (final or spec.state) == "proposed":
            return obj
        with actors.acting(f"valideur-{spec.service}"):
            workflow.doActionFor(obj, "validate")
        return obj

    for session_spec in the_plan.sessions:
        with actors.acting(SECRETARY):
            session = api.content.create(
                bodies[session_spec.body],
                "Session",
                id=session_spec.id,
                title=session_spec.title,
                start=session_spec.start,
                place=f"Salle du conseil, {COMMUNES[0]}",
                session_kind=session_spec.kind,
                public=session_spec.public,
            )
        progress.created("sessions")
        objects = [write(spec, "validated") for spec in session_spec.items]
        with actors.acting(SECRETARY):
            for obj in objects:
                api.content.create(
                    session, "AgendaItem", id=obj.getId(), item_kind="deliberation", deliberation=obj.UID()
                )
                progress.created("agenda items")
            for number, note in enumerate(session_spec.notes, start=1):
                kind = "questions" if note == "Questions diverses" else "information"
                api.content.create(session, "AgendaItem", id=f"point-{number}", item_kind=kind, title=note)
                progress.created("agenda items")
            if session_spec.state == "cancelled":
                workflow.doActionFor(session, "cancel")
                continue
            if session_spec.state == "planned":
                continue
            with replaying_history():  # generated history: no délai to check, no mail to send
                workflow.doActionFor(session, "convene")
            if session_spec.state == "convened":
                continue
            workflow.doActionFor(session, "hold")
            for spec, obj in zip(session_spec.items, objects, strict=True):
                workflow.doActionFor(obj, "reject" if spec.state == "rejected" else "adopt")
            if session_spec.state == "closed":
                workflow.doActionFor(session, "close")
            for spec, obj in zip(session_spec.items, objects, strict=True):
                if spec.state == "published":
                    workflow.doActionFor(obj, "publish")

    for spec in the_plan.deliberations:
        if spec.session is None:
            obj = write(spec, "validated" if spec.state == "withdrawn" else None)
            if spec.state == "withdrawn":
                with actors.acting(SECRETARY):
                    workflow.doActionFor(obj, "withdraw")
    if commit:
        transaction.commit()
    log(f"done: {progress.count} objects ({progress.summary()}) {progress.elapsed():.1f} s")
    return the_plan


def main(argv=None):
    from collective.deliberations.demo.cli import open_app

    parser = argparse.ArgumentParser(prog="deliberations-generate", description=__doc__.splitlines()[0])
    parser.add_argument("zope_conf", help="path to the instance's zope.conf (the instance must be stopped)")
    parser.add_argument("--site-id", default="Plone")
    parser.add_argument("--deliberations", type=int, default=10000)
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--convening-items", type=int, default=100, help="items of the planned council session")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reference", type=date.fromisoformat, help="the day the site is 'today' (default today)")
    parser.add_argument("--batch", type=int, default=500, help="commit (and say so) every BATCH objects")
    args = parser.parse_args(argv)

    def say(message):
        print(f"[deliberations-generate] {message}", flush=True)

    started = time.monotonic()
    say(f"loading Zope with {args.zope_conf}")
    app = open_app(args.zope_conf)
    if args.site_id not in app.objectIds():
        say(f"no site /{args.site_id}: create it first (deliberations-site {args.zope_conf})")
        return 1
    try:
        generate(
            app[args.site_id],
            deliberations=args.deliberations,
            sessions=args.sessions,
            seed=args.seed,
            reference=args.reference,
            convening_items=args.convening_items,
            batch=args.batch,
            log=say,
        )
    except ValueError as error:
        say(str(error))
        return 1
    finally:
        app._p_jar.db().close()
    say(f"total {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
