"""The archivist's part of the demo: séances closed years ago, whose DUA has ended.

Their deliberations (sort final C) wait to be transferred; the demo's archivist has set the rule of the
convocations and dossiers de séance to D (still "à confirmer"), so the séances themselves wait for an elimination;
one séance is under legal hold, with its reason. Built through the product's own paths: the secretariat's
agenda and outcomes (demo/agenda.py), the archivist's schedule and hold (archives/)."""

from collective.deliberations.archives.dashboard import reindex_category
from collective.deliberations.archives.log import log_action
from collective.deliberations.archives.retention import own_hold
from collective.deliberations.archives.retention import set_hold
from collective.deliberations.archives.schedule import get_rule
from collective.deliberations.archives.schedule import save_rule
from collective.deliberations_demo.agenda import ensure_session
from collective.deliberations_demo.bodies import BUREAU
from collective.deliberations_demo.bodies import COUNCIL
from collective.deliberations_demo.tools import acting_as
from collective.deliberations_demo.tools import find_by_key


SESSION_DOCUMENTS = (("Convocation", "convocation"), ("Note explicative de synthèse", "note_synthese"))
OLD_SESSIONS = (
    {
        "key": "conseil-archive-ancien",
        "body": COUNCIL,
        "days": -3 * 365 - 20,
        "state": "closed",
        "items": (("compte-administratif-ancien", "publish"), ("zac-ancienne", "adopt")),
        "documents": SESSION_DOCUMENTS,
    },
    {
        "key": "bureau-archive-ancien",
        "body": BUREAU,
        "days": -4 * 365 + 10,
        "hour": (17, 0),
        "state": "closed",
        "items": (("convention-instruction-ancienne", "adopt"),),
        "documents": (("Convocation", "convocation"),),
    },
    {
        "key": "conseil-archive-gele",
        "body": COUNCIL,
        "days": -2 * 365 - 60,
        "state": "closed",
        "items": (("tarifs-dechetterie-ancien", "publish"), ("fonds-concours-ancien", "adopt")),
        "documents": SESSION_DOCUMENTS,
    },
)
HELD = "conseil-archive-gele"
HOLD_REASON = (
    "Recours contentieux contre la délibération sur les tarifs des déchetteries, devant le tribunal administratif"
    " de Montpellier : rien ne sort avant le jugement."
)
CONVOCATIONS_RULE = {
    "final_action": "D",
    "legal_basis": "Convocations et dossiers préparatoires : destruction après la DUA (à confirmer avec les"
    " Archives départementales)",
    "confirmed": False,
}


def set_convocations_rule():
    current = get_rule("convocations")
    if all(current[key] == value for key, value in CONVOCATIONS_RULE.items()):
        return
    with acting_as("archiviste"):
        save_rule("convocations", CONVOCATIONS_RULE)
        reindex_category("convocations")
        log_action("schedule", "convocations", repr(CONVOCATIONS_RULE))


def hold_session(portal):
    session = find_by_key(portal[COUNCIL], HELD)
    if session is None or own_hold(session):
        return
    with acting_as("archiviste"):
        set_hold(session, HOLD_REASON)
        log_action("hold", "/".join(session.getPhysicalPath()), HOLD_REASON)


def ensure_archives(portal):
    """Old séances for the archivist: to transfer (C), to eliminate (D), one under legal hold."""
    set_convocations_rule()
    for spec in OLD_SESSIONS:
        ensure_session(portal, spec)
    hold_session(portal)
