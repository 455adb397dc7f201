"""What must hold before a session is convened (CGCT L2121-10 to L2121-12), each missing thing said in words.

Only a Manager may convene anyway, giving a reason that is recorded with what was missing.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.behaviors.document import IDocumentFlags
from collective.deliberations.collectivite import convocation_jours_francs
from collective.deliberations.collectivite import requires_summary_note
from collective.deliberations.content.membership import memberships
from collective.deliberations.convocation import is_replaying
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import now
from collective.deliberations.security.chains import inside_commission
from datetime import date
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


COUNCILS = ("conseil_communautaire", "conseil_municipal")


def jours_francs(sent_on, session_day):
    """Whole days between sending and the séance, neither of them counted."""
    return (session_day - sent_on).days - 1


def required_jours_francs(session):
    """None when no legal délai applies (a commission: its rules of procedure decide)."""
    if inside_commission(session):
        return None
    return 1 if session.session_kind == "urgence" else convocation_jours_francs()


def needs_summary_note(session):
    body = aq_base(aq_parent(aq_inner(session)))  # aq_base: a commission would acquire its council's kind
    return getattr(body, "body_kind", None) in COUNCILS and requires_summary_note()


def has_summary_note(session):
    containers = [session] + [d for d in (i.get_deliberation() for i in session.agenda()) if d is not None]
    for container in containers:
        for obj in container.objectValues():
            flags = IDocumentFlags(obj, None) if obj.portal_type == "File" else None
            if flags is not None and flags.document_type == "note_synthese" and flags.publishable:
                return True
    return False


def missing(session, urgency_reason="", today=None):
    """The messages saying what prevents convening `session` now; empty when nothing does."""
    today = today or date.today()
    problems = []
    required = required_jours_francs(session)
    if required is not None and session.start is not None:
        have = jours_francs(today, session.start.date())
        if have < required:
            problems.append(
                _(
                    "convene_too_late",
                    default="The convocation must leave ${required} jours francs before the session: sent today,"
                    " it leaves ${have}. Move the session to ${earliest} or later, or convene in urgence.",
                    mapping={
                        "required": required,
                        "have": max(have, 0),
                        "earliest": api.portal.get_localized_time(
                            datetime=date.fromordinal(today.toordinal() + required + 1).isoformat()
                        ),
                    },
                )
            )
    if session.session_kind == "urgence" and not (urgency_reason or "").strip():
        problems.append(
            _("convene_urgency_reason", default="A session in urgence needs the justification of the urgency.")
        )
    items = session.agenda()
    if not items:
        problems.append(_("convene_empty_agenda", default="The agenda is empty: add its items first."))
    for number, item in enumerate(items, 1):
        if item.item_kind == "deliberation" and item.get_deliberation() is None:
            problems.append(
                _(
                    "convene_item_without_projet",
                    default="Item ${number} (${title}) has no projet de délibération.",
                    mapping={"number": number, "title": item.Title() or item.getId()},
                )
            )
    if needs_summary_note(session) and not has_summary_note(session):
        problems.append(
            _(
                "convene_summary_note",
                default="A note explicative de synthèse must go with the convocation (communes of 3,500 inhabitants"
                " and more): attach it to the session as a publishable document of type « note explicative de"
                " synthèse ».",
            )
        )
    body = aq_parent(aq_inner(session))
    if not [m for m in memberships(body) if m.is_current()]:
        problems.append(
            _(
                "convene_no_members",
                default="${body} has no current member: nobody to convene.",
                mapping={"body": body.Title()},
            )
        )
    return problems


def before_transition(session, event):
    if event.transition is None or event.transition.id != "convene" or is_replaying():
        return
    kwargs = event.kwargs or {}
    urgency_reason = kwargs.get("urgency_reason") or kwargs.get("comment") or ""
    problems = missing(session, urgency_reason)
    request = getRequest()
    convocation = get_convocation(session, create=True)
    convocation.urgency_reason = urgency_reason.strip() if session.session_kind == "urgence" else ""
    if not problems:
        return
    texts = [translate(problem, context=request) for problem in problems]
    reason = (kwargs.get("override_reason") or "").strip()
    user = api.user.get_current()
    if reason and "Manager" in api.user.get_roles(user=user, obj=session):
        convocation.override = {"by": user.getId(), "at": now(), "reason": reason, "missing": texts}
        return
    raise WorkflowException(" ".join(texts))
