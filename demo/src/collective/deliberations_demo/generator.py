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
from collective.deliberations_demo.generator_plan import ARCHIVIST
from collective.deliberations_demo.generator_plan import BODIES
from collective.deliberations_demo.generator_plan import BUREAU
from collective.deliberations_demo.generator_plan import COMMUNES
from collective.deliberations_demo.generator_plan import COUNCIL
from collective.deliberations_demo.generator_plan import OFFICIALS
from collective.deliberations_demo.generator_plan import PASSWORD
from collective.deliberations_demo.generator_plan import plan
from collective.deliberations_demo.generator_plan import SECRETARIAT_GROUP
from collective.deliberations_demo.generator_plan import SECRETARY
from collective.deliberations_demo.generator_plan import SERVICE_PREFIX
from contextlib import contextmanager
from datetime import date

import argparse
import os
import sys
import time


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
                # ready to convene: the note explicative de synthèse that councils of 3,500+ must send (L2121-12)
                from collective.deliberations_demo.dossiers import add_document

                add_document(session, "Note explicative de synthèse", document_type="note_synthese")
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
    from collective.deliberations_demo.cli import open_app

    # bulk data: thousands of published acts are not each rendered to a frozen PDF (the portal renders them live)
    os.environ.setdefault("DELIBERATIONS_FREEZE_ACTS", "off")
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
