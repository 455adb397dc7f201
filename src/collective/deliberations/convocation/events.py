"""What the session's life does to its convocation: convening sends it, a change of the dossier sends a
modificatif (an update of the invitation when the session moves), cancelling sends a cancellation."""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.content.session import ISession
from collective.deliberations.convocation import is_replaying
from collective.deliberations.convocation.proof import record_manifest
from collective.deliberations.convocation.recipients import current_members
from collective.deliberations.convocation.recipients import paper_members
from collective.deliberations.convocation.sending import queue
from collective.deliberations.convocation.sending import send_after_commit
from collective.deliberations.convocation.sending import valid_address
from collective.deliberations.convocation.storage import add_recipient
from collective.deliberations.convocation.storage import current_transaction
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import now
from collective.deliberations.convocation.storage import Recipient
from collective.deliberations.security.officials import sessions_holding
from plone import api


def convene(session):
    convocation = get_convocation(session, create=True)
    if convocation.recipients:
        return  # convened once already: nothing goes twice
    convocation.convened_at = now()
    convocation.start, convocation.place = session.start, session.place
    paper = paper_members(session)
    for userid, fullname, email, kind in current_members(session):
        recipient = Recipient(userid, fullname, email, kind)
        recipient.made_available_at = convocation.convened_at
        recipient.paper = userid in paper
        add_recipient(session, convocation, recipient)
        queue_convocation(session, recipient)
    record_manifest(session, convocation, "convocation")
    send_after_commit(session)


def queue_convocation(session, recipient):
    """The e-mail, unless the recipient asked for paper and has no address: then the letter only."""
    if recipient.paper and not valid_address(recipient.email):
        recipient.status = "paper"
        return
    queue(session, recipient, "convocation")


def member_joined(membership, event):
    """A member who joins the body of a convened session gets the convocation too (and a new manifest says so)."""
    if is_replaying() or not getattr(membership, "member", None):
        return
    body = aq_parent(aq_inner(membership))
    if body is None:
        return
    for session in body.objectValues():
        if not ISession.providedBy(session) or api.content.get_state(session) != "convened":
            continue
        convocation = get_convocation(session)
        if convocation is None or not convocation.recipients or convocation.get(membership.member) is not None:
            continue
        for userid, fullname, email, kind in current_members(session):
            if userid == membership.member:
                recipient = Recipient(userid, fullname, email, kind)
                recipient.made_available_at = now()
                recipient.paper = userid in paper_members(session)
                add_recipient(session, convocation, recipient)
                queue_convocation(session, recipient)
                record_manifest(session, convocation, "new_member", force=True)
                send_after_commit(session, {userid})


def cancel(session):
    convocation = get_convocation(session)
    if convocation is None or not convocation.recipients:
        return
    convocation.sequence += 1
    for recipient in convocation.all():
        recipient.outbox[:] = [e for e in recipient.outbox if e["kind"] == "cancel"]
        if recipient.status not in ("invalid", "paper"):  # no address to write to
            queue(session, recipient, "cancel")
    send_after_commit(session)


def session_transitioned(session, event):
    if event.transition is None or is_replaying():
        return
    if event.transition.id == "convene":
        convene(session)
    elif event.transition.id == "cancel":
        cancel(session)


def _dossier_changed_hook(session):
    """Before commit, once per transaction: a new manifest; when something changed, a message to everyone."""
    convocation = get_convocation(session)
    if convocation is None or not convocation.manifests or api.content.get_state(session) != "convened":
        return
    manifest, changes = record_manifest(session, convocation, "modificatif")
    moved = (session.start, session.place) != (convocation.start, convocation.place)
    if not changes and not moved:
        return
    kind = "modificatif"
    if moved:
        convocation.sequence += 1
        convocation.start, convocation.place = session.start, session.place
        when = api.portal.get_localized_time(datetime=session.start, long_format=True)
        changes = [f"Nouvelle date : {when}" + (f", {session.place}" if session.place else "")] + changes
        kind = "update"
    for recipient in convocation.all():
        if recipient.status not in ("invalid", "paper"):  # no address to write to
            queue(session, recipient, kind, changes)
    send_after_commit(session)


def dossier_changed(session):
    if is_replaying():
        return
    txn = current_transaction(session)
    for hook, args, _kws in txn.getBeforeCommitHooks():
        if hook is _dossier_changed_hook and aq_base(args[0]) is aq_base(session):
            return
    convocation = get_convocation(session)
    if convocation is not None and convocation.manifests:
        txn.addBeforeCommitHook(_dossier_changed_hook, args=(session,))


def sessions_of(obj):
    """The sessions whose dossier holds obj (a File, an AgendaItem, the session itself)."""
    if ISession.providedBy(obj):
        return [obj]
    parent = aq_parent(aq_inner(obj))
    if parent is None:
        return []
    if ISession.providedBy(parent):
        return [parent]
    if getattr(parent, "portal_type", None) == "Deliberation":
        return sessions_holding(parent)
    return []


def content_changed(obj, event):
    if getattr(event, "oldParent", None) is not None and getattr(event, "newParent", None) is None:
        sessions = [event.oldParent] if ISession.providedBy(event.oldParent) else []
        if getattr(event.oldParent, "portal_type", None) == "Deliberation":
            sessions = sessions_holding(event.oldParent)
    else:
        sessions = sessions_of(obj)
    for session in sessions:
        dossier_changed(session)
