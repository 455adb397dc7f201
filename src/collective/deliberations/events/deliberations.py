"""The rules of the deliberation workflow that a guard cannot say, each refused with a message."""

from collective.deliberations import _
from collective.deliberations.security.officials import update_official_roles
from collective.deliberations.vocabularies.choices import INDIVIDUAL_DECISION
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate

import datetime


SEND_BACK = ("send_back_to_draft", "send_back_to_proposed")


def refuse(message):
    raise WorkflowException(translate(message, context=getRequest()))


def before_transition(deliberation, event):
    if event.transition is None:
        return
    transition = event.transition.id
    comment = (event.kwargs or {}).get("comment", "")
    if transition in SEND_BACK and not (comment or "").strip():
        refuse(_("error_send_back_comment", default="Say why in a comment: it is sent back to its author."))
    if transition == "publish" and deliberation.nature == INDIVIDUAL_DECISION:
        refuse(
            _("error_publish_individual", default="An individual decision is notified to the person, never published.")
        )
    if transition == "schedule" and not deliberation.session_uid:
        refuse(_("error_schedule_agenda", default="Place the deliberation on a session's agenda: that schedules it."))


def after_transition(deliberation, event):
    if event.transition is None:
        return
    transition = event.transition.id
    if transition == "postpone":
        session_uid, deliberation.session_uid = deliberation.session_uid, None
        _remove_from_agenda(deliberation, session_uid)
    if transition in ("adopt", "reject"):
        session = _session(deliberation.session_uid)
        start = getattr(session, "start", None)
        deliberation.decision_date = start.date() if start else datetime.date.today()
    deliberation.reindexObject()
    update_official_roles(deliberation)


def _session(uid):
    brains = api.content.find(UID=uid, unrestricted=True) if uid else []
    return brains[0]._unrestrictedGetObject() if brains else None


def _remove_from_agenda(deliberation, session_uid):
    session = _session(session_uid)
    if session is None:
        return
    ids = [item.getId() for item in session.agenda() if item.deliberation == deliberation.UID()]
    if ids:
        with api.env.adopt_roles(["Manager"]):
            session.manage_delObjects(ids)
