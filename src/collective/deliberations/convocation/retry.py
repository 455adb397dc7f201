"""Automatic retry, with back-off, of the messages the SMTP server did not take (it was down, or answered with a
temporary error): each failure puts the recipient's next try further away (1, 2, 4 … minutes, at most an hour);
a thread of each Zope process sends those due.

Why a thread in each process, like the conversion worker (documents/worker.py), rather than the cron view of the
reminders: a server down for an hour must not wait for tomorrow's cron, and ``make run`` stays one command. Several
processes on one database send once: a process claims the due recipients by writing their next try a lease ahead
and committing before it sends; two claims of the same session write the same objects, so ZODB lets one commit and
raises ConflictError in the other. A process that dies after its claim leaves the recipients due again once the
lease has passed. The secretariat's "send again" still sends at once.
"""

from collective.deliberations.background import PollingThread
from collective.deliberations.background import working_on
from collective.deliberations.convocation.ical import aware
from collective.deliberations.convocation.sending import send_after_commit
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import now
from datetime import timedelta
from ZODB.POSException import ConflictError

import logging
import os


logger = logging.getLogger("collective.deliberations.convocation")
POLL = float(os.environ.get("DELIBERATIONS_MAIL_RETRY_POLL", "20"))
LEASE = timedelta(seconds=float(os.environ.get("DELIBERATIONS_MAIL_RETRY_LEASE", "300")))
STATES = ("convened", "cancelled")  # a convocation, its modificatifs and reminders, or the cancellation
RETRIER = None


def due(recipient, at):
    return (
        recipient.status == "failed"
        and bool(recipient.outbox)
        and recipient.next_try_at is not None
        and recipient.next_try_at <= at
    )


def sessions_to_retry(portal, at):
    catalog = portal.portal_catalog
    since = at - timedelta(days=2)
    for brain in catalog.unrestrictedSearchResults(portal_type="Session", review_state=STATES):
        session = brain._unrestrictedGetObject()
        if session.start is not None and aware(session.start) < since:
            continue  # past: nothing left to tell about it
        convocation = get_convocation(session)
        if convocation is not None and any(due(r, at) for r in convocation.all()):
            yield session


def claim_and_send(manager, session):
    """Claim the due recipients of `session` (their next try a lease ahead) and send to them after the claim
    commits; the number of messages sent, 0 when another process claimed first."""
    at = now()
    convocation = get_convocation(session)
    userids = set()
    for recipient in convocation.all():
        if due(recipient, at):
            recipient.next_try_at = at + LEASE
            userids.add(recipient.userid)
    count = send_after_commit(session, userids, from_request=False) if userids else 0
    try:
        manager.commit()  # the after-commit hook sends, then records each result in a transaction of its own
    except ConflictError:
        manager.abort()
        return 0
    return count


def run_due(db):
    """Send every due retry of every site of the database; the number of messages tried."""
    tried = 0
    with working_on(db) as (manager, sites):
        for portal in sites:
            for session in list(sessions_to_retry(portal, now())):
                tried += claim_and_send(manager, session)
                manager.begin()
    return tried


class Retrier(PollingThread):
    def __init__(self, db, interval=POLL):
        super().__init__("deliberations-mail-retry", interval, lambda: run_due(db))

    def stop(self):
        super().stop(wait=True)


def start_retrier(db, interval=POLL):
    global RETRIER
    RETRIER = Retrier(db, interval)
    RETRIER.start()
    return RETRIER


def database_opened(event):
    """Zope opened its database: start this process's retrier, unless DELIBERATIONS_MAIL_RETRY=off."""
    if os.environ.get("DELIBERATIONS_MAIL_RETRY", "on").lower() in ("0", "off", "no", "false"):
        logger.info("mail retry disabled in this process")
        return
    if RETRIER is None or not RETRIER.is_alive():
        start_retrier(event.database)
        logger.info("mail retry started (looks every %s s)", POLL)
