"""What is recorded of a session's convocation, on the session itself (an annotation), and the personal links.

One `Recipient` per person: when the convocation was made available, accepted by the SMTP server, each failure and
retry, the first opening, each presence answer with its time. Each recipient is its own persistent object, so
that two officials answering at once do not conflict.
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations

import secrets
import transaction


KEY = "collective.deliberations.convocation"
TOKENS_KEY = "collective.deliberations.convocation.tokens"


def now():
    return datetime.now(UTC)


class Recipient(Persistent):
    """One person convened (or invited) to one session."""

    next_try_at = None  # the next automatic try of what the SMTP server did not take (retry.py)
    paper = False  # asked for the convocation on paper: a printable letter (browser/letter.py)
    failed_in_a_row = 0
    first_opened_device = None  # tablet, phone or computer: a reading through the link (links.py)
    reading_proof = None  # the accusé de lecture, dated like the manifests (proof.record_reading_proof)

    def __init__(self, userid, fullname, email, kind):
        self.userid = userid
        self.fullname = fullname
        self.email = email
        self.kind = kind  # "convocation" or "invitation" (guests and substitutes)
        self.token = secrets.token_urlsafe(32)
        self.revoked_at = None
        self.made_available_at = None
        self.accepted_at = None  # by the SMTP server, last message
        self.status = "pending"  # pending, sent, failed, invalid
        self.failures = PersistentList()  # {"at", "error", "message"}
        self.attempts = 0
        self.messages = PersistentList()  # {"kind", "at", "accepted_at"}: convocation, modificatif, update, cancel
        self.first_opened_at = None
        self.first_opened_by = None  # "login" or "link"
        self.answers = PersistentList()  # {"at", "answer", "proxy", "by"}
        self.outbox = PersistentList()  # message kinds waiting for the SMTP server

    def answer(self):
        return self.answers[-1] if self.answers else None

    def log_failure(self, error):
        self.failures.append({"at": now(), "error": error})


class Convocation(Persistent):
    reminded_at = None  # when the reminder was queued (reminders.py)
    portal_url = None  # the site's address as the convening request saw it: the links of the later messages

    def __init__(self):
        self.recipients = OOBTree()
        self.manifests = PersistentList()
        self.sequence = 0  # iCalendar SEQUENCE: one more at each update of the invitation
        self.convened_at = None
        self.start = None  # the date and place the recipients were last told
        self.place = None
        self.urgency_reason = ""
        self.override = None  # {"by", "at", "reason", "missing"}
        self.remote_allowed = False

    def get(self, userid):
        return self.recipients.get(userid)

    def all(self):
        return list(self.recipients.values())


def current_transaction(obj):
    """The transaction `obj` is changed in: its connection's (a request's, or any other manager's)."""
    jar = getattr(obj, "_p_jar", None)
    manager = getattr(jar, "transaction_manager", None)
    return manager.get() if manager is not None else transaction.get()


def get_convocation(session, create=False):
    annotations = IAnnotations(session)
    convocation = annotations.get(KEY)
    if convocation is None and create:
        convocation = annotations[KEY] = Convocation()
    return convocation


def _token_index(create=False):
    annotations = IAnnotations(api.portal.get())
    index = annotations.get(TOKENS_KEY)
    if index is None and create:
        index = annotations[TOKENS_KEY] = OOBTree()
    return index


def add_recipient(session, convocation, recipient):
    convocation.recipients[recipient.userid] = recipient
    _token_index(create=True)[recipient.token] = (session.UID(), recipient.userid)


def lookup_token(token):
    """(session, recipient) for a token, or (None, None) when nobody was given it."""
    index = _token_index()
    entry = index.get(token) if index is not None and token else None
    if entry is None:
        return None, None
    session_uid, userid = entry
    brains = api.content.find(UID=session_uid, unrestricted=True)
    if not brains:
        return None, None
    session = brains[0]._unrestrictedGetObject()
    convocation = get_convocation(session)
    recipient = convocation.get(userid) if convocation is not None else None
    if recipient is None or recipient.token != token:
        return None, None
    return session, recipient
