"""Messages leave once the transaction that decided them has committed, through Plone's MailHost.

The transaction records what is to be sent (each recipient's outbox) and builds the messages; an after-commit hook
hands them to the SMTP server and records, in a transaction of its own, when each was accepted or why it failed.
A transaction that fails sends nothing; a message the server did not take stays in the outbox for a retry.
"""

from collective.deliberations.audit.log import record as audit
from collective.deliberations.background import commit_apart
from collective.deliberations.convocation.links import renew
from collective.deliberations.convocation.message import build
from collective.deliberations.convocation.storage import current_transaction
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import KEY
from collective.deliberations.convocation.storage import now
from datetime import timedelta
from email.utils import parseaddr
from plone import api
from zope.annotation.interfaces import IAnnotations

import logging
import os
import smtplib


logger = logging.getLogger("collective.deliberations.convocation")
FIRST_DELAY = float(os.environ.get("DELIBERATIONS_MAIL_RETRY_DELAY", "60"))  # seconds before the first retry
LONGEST_DELAY = float(os.environ.get("DELIBERATIONS_MAIL_RETRY_MAX_DELAY", "3600"))


def schedule_retry(recipient, when=None):
    """After a failure, the next automatic try (retry.py): the first delay, doubled at each failure in a row, at
    most the longest delay."""
    recipient.failed_in_a_row += 1
    delay = min(FIRST_DELAY * 2 ** (recipient.failed_in_a_row - 1), LONGEST_DELAY)
    recipient.next_try_at = (when or now()) + timedelta(seconds=delay)


def valid_address(email):
    address = parseaddr(email or "")[1]
    local, _at, domain = address.partition("@")
    return bool(local and domain and "." in domain.strip(".") and " " not in address)


def queue(session, recipient, kind, changes=()):
    """Put a message in the recipient's outbox (sent after commit by `send_after_commit`)."""
    entry = {"kind": kind, "changes": list(changes), "queued_at": now()}
    recipient.outbox.append(entry)
    return entry


def send_after_commit(session, userids=None, from_request=True):
    """Build now the messages waiting in the outbox of `userids` (all recipients by default) and send them once
    this transaction commits. The site's address seen by the first request that sent (the convening) is kept for
    the links of every later message (message.site_url): the automatic retries (retry.py) run without a request,
    and a later request may come by another address."""
    convocation = get_convocation(session)
    if convocation is None:
        return 0
    if from_request and not convocation.portal_url:
        convocation.portal_url = api.portal.get().absolute_url()
    mailhost = api.portal.get_tool("MailHost")
    batch = []
    for recipient in convocation.all():
        if userids is not None and recipient.userid not in userids:
            continue
        for entry in list(recipient.outbox):
            if not valid_address(recipient.email):
                recipient.status = "invalid"
                recipient.log_failure(f"Adresse invalide : « {recipient.email} »")
                recipient.outbox.remove(entry)
                continue
            message = build(session, recipient, entry["kind"], convocation.sequence, entry["changes"])
            batch.append((recipient.userid, entry["queued_at"], recipient.email, message))
    if batch:
        current_transaction(session).addAfterCommitHook(
            _deliver, args=(session._p_jar.db(), session._p_oid, mailhost, batch)
        )
    return len(batch)


def _deliver(committed, db, session_oid, mailhost, batch):
    if not committed:
        return
    results = []
    unreachable = None  # once the server cannot be reached, the others wait for the retry (no timeout each)
    for userid, queued_at, _email, message in batch:
        if unreachable is not None:
            results.append((userid, queued_at, "failed", unreachable))
            continue
        try:
            mailhost.send(message, mto=str(message["To"]), immediate=True)  # the name with the address
        except smtplib.SMTPRecipientsRefused as error:
            results.append((userid, queued_at, "invalid", f"Adresse refusée par le serveur : {error.recipients}"))
        except (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected, OSError) as error:
            unreachable = f"{type(error).__name__}: {error}"
            results.append((userid, queued_at, "failed", unreachable))
        except smtplib.SMTPException as error:
            results.append((userid, queued_at, "failed", f"{type(error).__name__}: {error}"))
        else:
            results.append((userid, queued_at, "sent", None))
    _record(db, session_oid, results)


def _record(db, session_oid, results):
    """Write the results in a transaction of our own: the request's one has ended."""
    commit_apart(
        db,
        lambda connection: _apply_results(IAnnotations(connection.get(session_oid))[KEY], results),
        f"the sending results of {session_oid!r}: {results!r}",
    )


def _apply_results(convocation, results):
    for userid, queued_at, status, error in results:
        recipient = convocation.get(userid)
        entry = next((e for e in recipient.outbox if e["queued_at"] == queued_at), None)
        recipient.attempts += 1
        if status == "sent":
            recipient.accepted_at = now()
            recipient.status = "sent"
            recipient.failed_in_a_row, recipient.next_try_at = 0, None
            if entry is not None:
                recipient.outbox.remove(entry)
                recipient.messages.append({"kind": entry["kind"], "at": recipient.accepted_at})
        else:
            recipient.status = status
            recipient.log_failure(error)
            if status == "invalid" and entry is not None:
                recipient.outbox.remove(entry)
            if status == "failed":
                schedule_retry(recipient)


def retry_failed(session):
    """Send again what the SMTP server did not take; return how many messages will be tried."""
    convocation = get_convocation(session)
    if convocation is None:
        return 0
    failed = {r.userid for r in convocation.all() if r.status == "failed" and r.outbox}
    return send_after_commit(session, failed) if failed else 0


def resend(session, userid):
    """The secretariat sends the convocation again to one recipient (a new address, a lost message, a revoked
    link)."""
    convocation = get_convocation(session)
    recipient = convocation.get(userid) if convocation is not None else None
    if recipient is None:
        return 0
    user = api.user.get(userid=userid)
    if user is not None and user.getProperty("email"):
        recipient.email = user.getProperty("email")
    if recipient.status == "invalid":
        recipient.status = "pending"
    renew(session, recipient)  # a revoked link: the message carries a new one
    if not any(e["kind"] == "convocation" for e in recipient.outbox):
        queue(session, recipient, "convocation")
    audit("convocation_resend", session, {"recipient": userid})
    return send_after_commit(session, {userid})
