"""The personal link of a convocation (@@convocation-lien/<token>): a credential sent by mail, which a forwarded
mail hands to whoever reads it, so it opens less than a login does.

- Through the link, the documents sent to every recipient (publishable, not confidential): the rule is
  security/disclosure.readable_without_login, and the page, the downloads, the dossier PDF and zip take their
  documents from here. A confidential document needs the élu's login.
- It stops working `link_validity_days` after the séance, or once revoked by the secretariat (one recipient, or all)
  or by the élu; sending the convocation again after a revocation sends a new link.
- The accusé de lecture is written when a person reads (the page's script, once the page is displayed), never on the
  GET a mail scanner makes when it checks the link: presence.record_reading.
"""

from collective.deliberations.convocation.ical import aware
from collective.deliberations.convocation.proof import dossier_documents
from collective.deliberations.convocation.settings import setting
from collective.deliberations.convocation.storage import _token_index
from collective.deliberations.convocation.storage import now
from collective.deliberations.security.disclosure import readable_without_login
from datetime import timedelta

import secrets


def link_documents(session):
    """[(item title, document)] of the dossier that the link opens."""
    return [(item, obj) for item, obj in dossier_documents(session) if readable_without_login(obj)]


def login_documents(session):
    """[(item title, document)] of the dossier that need the élu's login (confidential)."""
    return [(item, obj) for item, obj in dossier_documents(session) if not readable_without_login(obj)]


def expires_at(session):
    return aware(session.start) + timedelta(days=setting("link_validity_days"))


def refusal(session, recipient):
    """(reason, when) when the link no longer opens: ("revoked", revoked at), ("expired", expired at); else None."""
    if recipient.revoked_at is not None:
        return "revoked", recipient.revoked_at
    if now() > expires_at(session):
        return "expired", expires_at(session)
    return None


def revoke(recipient):
    recipient.revoked_at = recipient.revoked_at or now()


def revoke_all(convocation):
    """Revoke every recipient's link; the number revoked now."""
    revoked = [recipient for recipient in convocation.all() if recipient.revoked_at is None]
    for recipient in revoked:
        revoke(recipient)
    return len(revoked)


def renew(session, recipient):
    """A revoked link is replaced by a new one (the old one stays dead): sending again after a revocation."""
    if recipient.revoked_at is None:
        return False
    index = _token_index(create=True)
    index.pop(recipient.token, None)
    recipient.token = secrets.token_urlsafe(32)
    recipient.revoked_at = None
    index[recipient.token] = (session.UID(), recipient.userid)
    return True
