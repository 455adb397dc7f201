"""Sessions of the demo, dated from today: a closed council, a convened one, a planned one, the bureau, two
commissions. The secretariat builds each agenda (which schedules the deliberations), convenes, records outcomes."""

from collective.deliberations.convocation import replaying_history
from collective.deliberations_demo import seance
from collective.deliberations_demo.bodies import COMMISSIONS
from collective.deliberations_demo.dossiers import add_document
from collective.deliberations_demo.dossiers import ensure_dossier
from collective.deliberations_demo.dossiers import fill
from collective.deliberations_demo.people import OFFICIAL_IDS
from collective.deliberations_demo.people import PRESIDENT
from collective.deliberations_demo.sessions import SESSIONS
from collective.deliberations_demo.tools import acting_as
from collective.deliberations_demo.tools import at
from collective.deliberations_demo.tools import backdate
from collective.deliberations_demo.tools import DEMO_KEY
from collective.deliberations_demo.tools import find_by_key
from collective.deliberations_demo.tools import french_date
from contextlib import nullcontext
from DateTime import DateTime
from datetime import timedelta
from plone import api


COUNCIL_ROOM = "Salle du conseil, hôtel de communauté, 2 place de la Mairie, Saint-Exemple"
COMMISSION_ROOM = "Salle des commissions, hôtel de communauté, Saint-Exemple"
OUTCOMES = {
    "adopt": "adoptée",
    "publish": "adoptée",
    "reject": "rejetée",
    "withdraw": "retirée",
    "postpone": "ajournée",
}


def session_start(days, hour=(18, 30)):
    """`days` from today, moved from a week-end to the Monday."""
    start = at(days, *hour)
    return start + timedelta(days=(7 - start.weekday()) % 7 if start.weekday() >= 5 else 0)


def body_at(portal, path):
    body = portal
    for name in path.split("/"):
        body = body[name]
    return body


def create_session(body, spec):
    start = session_start(spec["days"], spec.get("hour", (18, 30)))
    commission = COMMISSIONS.get(body.getId())
    with acting_as("secretariat"):
        session = api.content.create(
            container=body,
            type="Session",
            id=start.strftime("%Y-%m-%d"),
            title=f"{body.Title()} du {french_date(start.date())}",
            start=start,
            place=COMMISSION_ROOM if commission else COUNCIL_ROOM,
            session_kind="ordinaire",
            president=commission[1] if commission else PRESIDENT,
            secretary=None if commission else OFFICIAL_IDS[11],
        )
    setattr(session, DEMO_KEY, spec["key"])
    return session


def build_agenda(portal, session, spec):
    deliberations = []
    for key, _outcome in spec["items"]:
        deliberation = ensure_dossier(portal, key, "validated")
        with acting_as("secretariat"):
            api.content.create(
                container=session, type="AgendaItem", id=key, item_kind="deliberation", deliberation=deliberation.UID()
            )
        deliberations.append(deliberation)
    with acting_as("secretariat"):
        for number, (kind, title) in enumerate(spec.get("free", ()), start=1):
            api.content.create(
                container=session, type="AgendaItem", id=f"point-{number}", item_kind=kind, title=fill(title)
            )
        for title, document_type in spec.get("documents", ()):
            paragraphs = [f"{session.Title()}, {session.place}."] + [f"- {d.title}" for d in deliberations]
            add_document(session, title, "publishable", document_type, paragraphs)
    return deliberations


def record_transitions(session, spec, deliberations):
    """An old séance: each outcome as a transition, a short PV and list as plain documents."""
    lines = []
    api.content.transition(obj=session, transition="hold")
    for deliberation, (_key, outcome) in zip(deliberations, spec["items"], strict=True):
        transition = "adopt" if outcome == "publish" else outcome
        api.content.transition(obj=deliberation, transition=transition, comment=session.Title())
        lines.append(f"{deliberation.title} : {OUTCOMES[outcome]}.")
    minutes = add_document(
        session, "Procès-verbal de la séance", "publishable", "proces_verbal", [session.Title()] + lines
    )
    listing = add_document(session, "Liste des délibérations", "publishable", "liste_deliberations", lines)
    put_online(listing, session.start + timedelta(days=3))  # within the week (L2121-25)
    put_online(minutes, session.start + timedelta(days=45))  # approved at the next séance, then signed (L2121-15)


def put_online(document, when):
    """The date the document was put online, as it happened (a document without one would show none)."""
    document.setEffectiveDate(DateTime(f"{when:%Y/%m/%d} 10:00:00 Europe/Paris"))
    document.reindexObject()


def record_outcomes(session, spec, deliberations):
    """The séance is held: the secretariat records each outcome, then the minutes and the list, then closes."""
    with acting_as("secretariat"):
        if spec.get("votes"):  # roll call, votes, PV and list through the séance API
            seance.hold_closed_seance(session, spec)
        else:
            record_transitions(session, spec, deliberations)
        api.content.transition(obj=session, transition="close")
        for deliberation, (_key, outcome) in zip(deliberations, spec["items"], strict=True):
            if outcome == "publish":
                api.content.transition(obj=deliberation, transition="publish")


def backdate_past_session(session, deliberations):
    """A séance of the past: its history and its dossiers' histories dated from its day, not from today."""
    start = session.start
    hours = timedelta(hours=3)
    backdate(
        session,
        {None: start - timedelta(days=25), "convene": start - timedelta(days=9), "hold": start, "close": start + hours},
    )
    for document in [obj for obj in session.objectValues() if obj.portal_type == "File"]:
        backdate(document, {None: start + hours})
    for number, deliberation in enumerate(deliberations):
        times = {
            None: start - timedelta(days=45, hours=number),
            "propose": start - timedelta(days=38, hours=number),
            "validate": start - timedelta(days=30, hours=number),
            "schedule": start - timedelta(days=21),
            "publish": start + timedelta(days=3, hours=-8),
        }
        outcome = start + timedelta(minutes=20 * (number + 1))
        times.update(dict.fromkeys(("adopt", "reject", "withdraw", "postpone"), outcome))
        backdate(deliberation, times)
        for document in deliberation.objectValues():
            backdate(document, {None: times[None]})


def ensure_session(portal, spec):
    body = body_at(portal, spec["body"])
    if find_by_key(body, spec["key"]) is not None:
        return
    session = create_session(body, spec)
    deliberations = build_agenda(portal, session, spec)
    if spec["state"] == "planned":
        return
    # A séance of the past is history replayed: no délai to check, no mail. The others are convened as the
    # secretariat would: checks, mails to the local SMTP server, proof.
    with acting_as("secretariat"), replaying_history() if spec["days"] <= 0 else nullcontext():
        api.content.transition(obj=session, transition="convene")
    if spec["state"] == "held":
        seance.hold_in_progress(session)
    if spec["state"] == "closed":
        record_outcomes(session, spec, deliberations)
        backdate_past_session(session, deliberations)


def ensure_sessions(portal):
    for spec in SESSIONS:
        ensure_session(portal, spec)
