"""The conversion worker's Runner: claims the best due job by a commit and runs it, through a connection of its own;
run by each lane thread of a Zope process (lanes.py), by ``deliberations-convert`` and inline by the tests.

Each job runs in a job space (processes.job_space): the time limit of the settings, its programs killed as a group
when it ends, when its document is deleted or replaced (a look at the queue every few seconds, at once in this
process) or when the process stops; its temporary directory removed. A job whose runs were all cut short (the
process killed each time) is given up after the settings' number of attempts, with a status that says so."""

from collective.deliberations import _
from collective.deliberations.background import working_on
from collective.deliberations.documents import processes
from collective.deliberations.documents import queue as jobs
from collective.deliberations.documents.converter import DocumentConverter
from collective.deliberations.documents.converter import NotQuick
from collective.deliberations.documents.settings import limits as current_limits
from collective.deliberations.documents.status import CONVERTED
from collective.deliberations.documents.status import FAILED
from collective.deliberations.documents.status import PENDING
from collective.deliberations.documents.status import set_status
from collective.documentviewer.settings import Settings
from Products.CMFCore.indexing import getQueue
from Products.CMFCore.indexing import processQueue
from ZODB.POSException import ConflictError

import logging
import time
import transaction


logger = logging.getLogger("collective.deliberations.conversion")
CLAIM_TRIES = 10


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
    """Claims and converts jobs through one connection of its own. Usable inline (tests, scripts) or in a thread.
    ``max_priority``: the worst priority it takes (queue.QUICK for the quick lane; None: any)."""

    def __init__(self, db, max_priority=None):
        self.db = db
        self.name = jobs.worker_name()
        self.converted = 0
        self.max_priority = max_priority
        self.space = None  # the running job's processes.Space

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
        """The best due job, claimed by a commit; after a conflict (another process took it) the queue is read
        again from its start."""
        for _try in range(CLAIM_TRIES):
            manager.begin()
            job = next(jobs.due_jobs(portal, max_priority=self.max_priority), None)
            if job is None:
                manager.abort()
                return None
            jobs.claim(job, self.name, lease=2 * current_limits().max_seconds)  # held while it may run
            try:
                manager.commit()
                return job
            except ConflictError:
                manager.abort()
        return None

    def run_one(self, manager, portal):
        job = self.claim_next(manager, portal)
        if job is None:
            return False
        uid, key = job.uid, jobs.job_key(job.uid, job.kind)
        manager.begin()
        document = find_document(portal, uid)
        if document is None:
            job.done = True
            manager.commit()
            self.forget(manager, portal, key)
            return True
        try:
            converted = self.run_job(portal, job, document)
        except NotQuick as long:
            manager.abort()
            self.to_long_lane(manager, portal, key, long.pages)
            return True
        except processes.Stopped:
            manager.abort()  # its document was deleted or replaced, or the process stops
            logger.info("conversion of %s cancelled", key)
            self.give_back(manager, portal, key)
            return True
        getQueue().clear()  # reindexed below, in a transaction of its own
        try:
            manager.commit()  # touches this document and this job only: no other worker writes them
        except ConflictError:
            manager.abort()  # the document changed meanwhile (a new upload queued it again)
            self.give_back(manager, portal, key)
            return True
        self.converted += converted
        if JOB_KINDS.get(job.kind) is None:  # a job of another kind reindexes what it changed itself
            retry(manager, lambda: reindex(portal, uid))
        self.forget(manager, portal, key)
        return True

    def run_job(self, portal, job, document):
        """Run the job in a job space of its own: the conversion's limits, its cancellation."""
        handler = JOB_KINDS.get(job.kind)
        limits = current_limits()
        if handler is None and job.attempts > limits.max_attempts:
            return self.give_up(job, document)
        key, seconds = jobs.job_key(job.uid, job.kind), limits.max_seconds if handler is None else None
        watch = Watch(self.db, portal.getPhysicalPath(), key, self.name, job.enqueued)
        with processes.job_space(key, seconds, cancelled=watch.cancelled) as self.space:
            try:
                if handler is not None:
                    return handler(self, job, document)
                return self.convert(job, document, limits)
            finally:
                self.space = None

    def give_up(self, job, document):
        """Every run of this job was cut short (the process was killed or stopped during it): not tried again."""
        reason = _(
            "reason_interrupted",
            default="Conversion given up: it was interrupted ${count} times (the server stopped during it). The file"
            " stays downloadable; replace it to try again.",
            mapping={"count": job.attempts - 1},
        )
        set_status(document, FAILED, reason, attempts=job.attempts - 1, worker=self.name)
        jobs.finish(job)
        logger.warning("conversion of %s given up after %s interrupted runs", job.uid, job.attempts - 1)
        return 0

    def stop(self):
        """Stop the running job (the process stops): its programs are killed, the job is given back."""
        space = self.space
        if space is not None:
            space.stop()

    def convert(self, job, document, limits=None):
        """Convert and record the outcome on the document and the job; 1 when converted."""
        started, limits = time.monotonic(), limits or current_limits()
        quick = jobs.priority_of(job) == jobs.QUICK
        outcome = DocumentConverter(document, limits, quick=quick).convert()
        seconds = round(time.monotonic() - started, 2)
        path = "/".join(document.getPhysicalPath())
        if outcome is None:
            pages = Settings(document).num_pages
            set_status(document, CONVERTED, attempts=job.attempts, pages=pages, seconds=seconds, worker=self.name)
            jobs.finish(job)
            logger.info("converted %s (%s pages) in %s s", path, pages, seconds)
            return 1
        permanent, reason = outcome
        if permanent or job.attempts >= limits.max_attempts:
            set_status(document, FAILED, reason, attempts=job.attempts, worker=self.name)
            jobs.finish(job)
        else:
            set_status(document, PENDING, reason, attempts=job.attempts, worker=self.name)
            jobs.release_for_retry(job)
        logger.warning("conversion of %s failed: %s", path, reason)
        return 0

    def forget(self, manager, portal, key):
        """Remove a finished job from the queue, in a transaction of its own."""

        def change():
            job = jobs.queue_of(portal).get(key)
            if job is not None and job.done:
                jobs.forget(portal, key)

        retry(manager, change)

    def to_long_lane(self, manager, portal, key, pages):
        """A job of the quick lane turned out long: given back at the long documents' priority, not counted as an
        attempt."""

        def change():
            job = jobs.queue_of(portal).get(key)
            if job is not None and job.claimed_by == self.name:
                job.claimed_by, job.claimed_until = None, 0.0
                job.attempts = max(job.attempts - 1, 0)
                jobs.move(job, jobs.LONG)

        retry(manager, change)
        logger.info("%s has %s pages: moved to the lane of long documents", key, pages)

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


def reindex(portal, uid):
    document = find_document(portal, uid)
    if document is not None:  # deleted meanwhile
        document.reindexObject()


class Watch:
    """Tells a running job whether it was cancelled: its job left the queue (its document was deleted), was queued
    again (a new file) or was claimed by another worker. Reads the queue through a connection of its own."""

    def __init__(self, db, path, key, name, enqueued):
        self.db, self.path, self.key, self.name, self.enqueued = db, path, key, name, enqueued

    def cancelled(self):
        manager = transaction.TransactionManager()
        connection = self.db.open(transaction_manager=manager)
        try:
            portal = connection.root()["Application"].unrestrictedTraverse(self.path, None)
            queue = jobs.queue_of(portal) if portal is not None else None
            job = queue.get(self.key) if queue is not None else None
            return job is None or job.claimed_by != self.name or job.enqueued != self.enqueued
        finally:
            manager.abort()
            connection.close()


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
