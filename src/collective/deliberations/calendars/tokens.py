"""The secret of an official's personal calendar address: calendar clients cannot log in, so the address carries
a random token (secrets, 256 bits). Only its SHA-256 is stored (a copy of the database gives no address); one per
official; regenerating replaces it, revoking removes it: the old address then finds nothing."""

from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

import hashlib
import secrets


KEY = "collective.deliberations.calendar_tokens"


def _store():
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations:
        annotations[KEY] = PersistentMapping({"owners": PersistentMapping(), "hashes": PersistentMapping()})
    return annotations[KEY]


def digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(userid):
    """A new token for the official (the previous one stops working); returned once, never stored as it is."""
    revoke(userid)
    token = secrets.token_urlsafe(32)
    store = _store()
    store["owners"][digest(token)] = userid
    store["hashes"][userid] = digest(token)
    return token


def revoke(userid):
    store = _store()
    old = store["hashes"].pop(userid, None)
    if old is not None:
        store["owners"].pop(old, None)


def has_token(userid):
    return userid in _store()["hashes"]


def owner(token):
    """The official whose address this is, or None."""
    if not token or len(token) > 100:
        return None
    return _store()["owners"].get(digest(token))
