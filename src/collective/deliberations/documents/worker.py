"""The conversion worker: a thread of each Zope process, started when the process opens its database.

Why a thread in each process rather than a separate worker service: ``make run`` stays one command, nothing more
to deploy or supervise, and several processes on one database (RelStorage) share the queue safely because claims
are transactional (see queue.py). The thread uses its own ZODB connection and transaction manager, sleeps between
polls, and is woken at once by an upload committed in its own process."""

from collective.deliberations.background import PollingThread
from collective.deliberations.background import working_on
from collective.deliberations.documents import queue as jobs
from collective.deliberations.documents.converter import DocumentConverter
from collective.deliberations.documents.status import CONVERTED
from collective.deliberations.documents.status import FAILED
from collective.deliberations.documents.status import PENDING
from collective.deliberations.documents.status import set_status
from collective.documentviewer.settings import Settings
from Products.CMFCore.indexing import getQueue
from Products.CMFCore.indexing import processQueue
from ZODB.POSException import ConflictError

import logging
import os
import time


logger = logging.getLogger("collective.deliberations.conversion")
POLL = float(os.environ.get("DELIBERATIONS_CONVERSION_POLL", "5"))
WORKER = None


# Jobs of other kinds than a document's conversion (queue.enqueue(portal, uid, kind)): kind -> handler(runner, job,
# obj), called in the job's transaction with the object of the job's UID; it records its outcome on the object, calls
# queue.finish(job) or queue.release_for_retry(job), and returns 1 when it produced something. Registered by the
# module that owns the kind (archives/prerender.py: "pdfa", the archival copy of an act).
JOB_KINDS = {}


def register_job_kind(kind, handler):
    JOB_KINDS[kind] = handler


def find_document(portal, uid):
    found = portal.portal_catalog.unrestrictedSearchResults(UID=uid)
    return found[0]._unrestrictedGetObject() if found else None


class Runner:
    """Claims and converts jobs through one connection of its own. Usable inline (tests, scripts) or in a thread."""

    def __init__(self, db):
        self.db = db
        self.name = jobs.worker_name()
        self.converted = 0

    def run_pending(self, limit=None):
        """Convert every due job of every site of the database; the number of jobs handled."""
        self.name = jobs.worker_name()
        handled = 0
        with working_on(self.db) as (manager, sites):
            for portal in sites:
                while (limit is None or handled < limit) and self.run_one(manager, portal):
                    handled += 1
        return handled

    def claim_next(self, manager, portal):
        manager.begin()
        for job in jobs.due_jobs(portal):
            if not job.claimable(time.time()):  # read again: an aborted claim reloads it
                continue
            jobs.claim(job, self.name)
            try:
                manager.commit()
            except ConflictError:
                manager.abort()  # another process took it
                continue
            return job
        manager.abort()
        return None

    def run_one(self, manager, portal):
        job = self.claim_next(manager, portal)
        if job is None:
            return False
        uid = job.uid
        manager.begin()
        document = find_document(portal, uid)
        if document is None:
            job.done = True
            manager.commit()
            self.forget_done(manager, portal)
            return True
        handler = JOB_KINDS.get(job.kind)
        converted = self.convert(job, document) if handler is None else handler(self, job, document)
        getQueue().clear()  # reindexed below, in a transaction of its own
        try:
            manager.commit()  # touches this document and this job only: no other worker writes them
        except ConflictError:
            manager.abort()  # the document changed meanwhile (a new upload queued it again)
            self.give_back(manager, portal, jobs.job_key(uid, job.kind))
            return True
        self.converted += converted
        if handler is None:  # a job of another kind reindexes what it changed itself
            retry(manager, lambda: find_document(portal, uid).reindexObject())
        self.forget_done(manager, portal)
        return True

    def convert(self, job, document):
        """Convert and record the outcome on the document and the job; 1 when converted."""
        started = time.monotonic()
        outcome = DocumentConverter(document).convert()
        seconds = round(time.monotonic() - started, 2)
        path = "/".join(document.getPhysicalPath())
        if outcome is None:
            pages = Settings(document).num_pages
            set_status(document, CONVERTED, attempts=job.attempts, pages=pages, seconds=seconds, worker=self.name)
            jobs.finish(job)
            logger.info("converted %s (%s pages) in %s s", path, pages, seconds)
            return 1
        permanent, reason = outcome
        if permanent or job.attempts >= jobs.MAX_ATTEMPTS:
            set_status(document, FAILED, reason, attempts=job.attempts, worker=self.name)
            jobs.finish(job)
        else:
            set_status(document, PENDING, reason, attempts=job.attempts, worker=self.name)
            jobs.release_for_retry(job)
        logger.warning("conversion of %s failed: %s", path, reason)
        return 0

    def forget_done(self, manager, portal):
        """Remove finished jobs from the queue; on a conflict another worker does it later."""
        manager.begin()
        queue = jobs.queue_of(portal)
        for uid in [uid for uid, job in queue.items() if job.done]:
            del queue[uid]
        try:
            manager.commit()
        except ConflictError:
            manager.abort()

    def give_back(self, manager, portal, uid):
        """The result could not be saved (the document changed meanwhile): the job is due again at once."""
        for _attempt in range(3):
            manager.begin()
            job = jobs.queue_of(portal).get(uid)
            if job is None or job.claimed_by != self.name:
                manager.abort()
                return
            job.claimed_by, job.claimed_until, job.not_before = None, 0.0, 0.0
            job.attempts = max(job.attempts - 1, 0)
            try:
                manager.commit()
                return
            except ConflictError:
                manager.abort()


def retry(manager, change, attempts=5):
    """Run a small change in a transaction of its own, again after a conflict."""
    for _attempt in range(attempts):
        manager.begin()
        change()
        processQueue()
        try:
            manager.commit()
            return True
        except ConflictError:
            manager.abort()
    return False


class Worker(PollingThread):
    def __init__(self, db, interval=POLL):
        self.runner = Runner(db)
        super().__init__("deliberations-conversion", interval, self.runner.run_pending)


def start_worker(db, interval=POLL):
    global WORKER
    WORKER = Worker(db, interval)
    WORKER.start()
    return WORKER


def wake_worker(*args):
    if WORKER is not None:
        WORKER.wake()


def database_opened(event):
    """Zope opened its database: start this process's worker, unless DELIBERATIONS_CONVERSION_WORKER=off."""
    if os.environ.get("DELIBERATIONS_CONVERSION_WORKER", "on").lower() in ("0", "off", "no", "false"):
        logger.info("conversion worker disabled in this process")
        return
    if WORKER is None or not WORKER.is_alive():
        start_worker(event.database)
        logger.info("conversion worker started (polls every %s s)", POLL)
