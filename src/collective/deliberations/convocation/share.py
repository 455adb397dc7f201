"""Sharing a document with a body before the convocation, so that its members arrive prepared.

The secretariat shares a document of a planned session, of an agenda item's projet, or of the body's own space:
the body's members group gets the local role SharedReader on that document alone, which the document workflow
lets View it when it is publishable or confidential, never when internal. The body keeps the list of what was
shared with it, for the members' "Mes séances"."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.audit.log import record as audit
from collective.deliberations.content.body import IBody
from collective.deliberations.content.session import ISession
from collective.deliberations.security.groups import _set_local_role
from collective.deliberations.security.groups import members_group_id
from collective.deliberations.security.officials import sessions_holding
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations


KEY = "collective.deliberations.convocation.shared"
ROLE = "SharedReader"


def bodies_for(document):
    """The bodies a document may be shared with: its session's, those of the sessions holding its projet, or the
    body whose space holds it."""
    parent = aq_parent(aq_inner(document))
    if IBody.providedBy(parent):
        return [parent]
    if ISession.providedBy(parent):
        return [aq_parent(aq_inner(parent))]
    if getattr(parent, "portal_type", None) == "Deliberation":
        bodies = []
        for session in sessions_holding(parent):
            body = aq_parent(aq_inner(session))
            if all(b.UID() != body.UID() for b in bodies):
                bodies.append(body)
        return bodies
    return []


def shared_uids(body):
    return list(IAnnotations(body).get(KEY, ()))


def is_shared(document, body):
    return ROLE in document.get_local_roles_for_userid(members_group_id(body))


def share(document, body, shared=True):
    group = members_group_id(body)
    roles = [r for r in document.get_local_roles_for_userid(group) if r != ROLE] + ([ROLE] if shared else [])
    _set_local_role(document, group, roles)
    listed = IAnnotations(body).setdefault(KEY, PersistentList())
    if shared and document.UID() not in listed:
        listed.append(document.UID())
    elif not shared and document.UID() in listed:
        listed.remove(document.UID())
    document.reindexObjectSecurity()


def state(document):
    return [
        {"uid": body.UID(), "title": body.Title(), "shared": is_shared(document, body)} for body in bodies_for(document)
    ]


def apply(document, body_uid, shared):
    """Share or unshare; None, or the refusal's message."""
    body = next((b for b in bodies_for(document) if b.UID() == body_uid), None)
    if body is None:
        return _("share_no_body", default="This document can be shared with the body of its session only.")
    if shared and api.content.get_state(document) == "internal":
        return _(
            "share_internal",
            default="An internal document is not shared: make it publishable or confidential first.",
        )
    share(document, body, shared)
    audit("document_share", document, {"body": body.Title(), "shared": bool(shared)})
    return None
