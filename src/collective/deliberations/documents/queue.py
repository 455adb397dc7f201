"""The conversion queue, stored in the ZODB beside the site: it survives a restart and is shared by every Zope
process of the database.

A worker claims a job by writing its name and a lease on the job and committing: two processes that claim the
same job write the same object, so ZODB lets one commit and raises ConflictError in the other, which moves on.
A claim whose lease ran out, or whose process on this machine is gone, can be taken again.

Jobs are taken by priority, then oldest first: a short document (QUICK) before a long one (LONG), both before the
background renderings (BULK, the acts' archival copies). An index of the queue (ORDER_KEY: (priority, enqueued,
key) -> key) gives the next job in O(log n) without sorting the queue. Only an upload or a deletion writes it,
never a worker (a claim, a result, a job moved to the long lane write the job alone): an upload does not conflict
with the workers on it, and claims still conflict on the job alone."""

from BTrees.OOBTree import OOBTree
from collective.deliberations.documents.processes import process_is_gone
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

import heapq
import itertools
import os
import socket
import threading
import time


KEY = "collective.deliberations.conversion_queue"
ORDER_KEY = "collective.deliberations.conversion_order"
QUICK, LONG, BULK = 0, 1, 2
PRUNE_SCAN = 20
LEASE = float(os.environ.get("DELIBERATIONS_CONVERSION_LEASE", "1800"))
MAX_ATTEMPTS = int(os.environ.get("DELIBERATIONS_CONVERSION_ATTEMPTS", "3"))
RETRY_DELAY = float(os.environ.get("DELIBERATIONS_CONVERSION_RETRY_DELAY", "30"))


class Job(Persistent):
    """One document to convert. No conflict resolution on purpose: concurrent claims must conflict."""

    done = False
    entry = None  # its key in the index, (priority, enqueued, key)
    kind = None  # None: a document's conversion; else a kind registered by worker.register_job_kind
    priority = None  # QUICK, LONG or BULK; None for a job queued before priorities: priority_of(job)

    def __init__(self, uid, kind=None, priority=None):
        self.uid = uid
        if kind is not None:
            self.kind = kind
        self.priority = priority
        self.enqueued = time.time()
        self.not_before = 0.0
        self.attempts = 0
        self.claimed_by = None
        self.claimed_until = 0.0
        self.done = False

    def claimable(self, now):
        if self.done or now < self.not_before:
            return False
        return self.claimed_by is None or self.claimed_until < now or claimant_is_gone(self.claimed_by)


def worker_name():
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def claimant_is_gone(name):
    """True when the claim comes from a process of this machine that no longer runs (a restart)."""
    host, pid, thread = (name.split(":") + ["", "", ""])[:3]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return int(thread or 0) not in {t.ident for t in threading.enumerate()}
    return process_is_gone(int(pid))


def queue_of(portal, create=False):
    annotations = IAnnotations(portal)
    queue = annotations.get(KEY)
    if queue is None and create:
        queue = annotations[KEY] = OOBTree()
    return queue


def job_key(uid, kind=None):
    """A conversion is queued under its document's UID; a job of another kind under "kind:UID"."""
    return uid if kind is None else f"{kind}:{uid}"


def priority_of(job):
    if job.priority is not None:
        return job.priority
    return QUICK if job.kind is None else BULK


def order_entry(key, job):
    """The job's entry in the index: as it was indexed (a job moved to the long lane keeps it), else as it is."""
    return getattr(job, "entry", None) or (priority_of(job), job.enqueued, key)


def order_of(portal, create=False):
    """The index of the queue; made (from the jobs already queued) on the first write after an upgrade."""
    annotations = IAnnotations(portal)
    order = annotations.get(ORDER_KEY)
    if order is None and create:
        order = annotations[ORDER_KEY] = OOBTree()
        for key, job in (queue_of(portal) or {}).items():
            order[order_entry(key, job)] = key
    return order


def is_live(entry, job):
    """The index entry is the job's own (not one left by a job done, removed, or queued again since)."""
    return job is not None and job.enqueued == entry[1]


def prune(portal, order, scan=PRUNE_SCAN):
    """Remove the entries of jobs gone from the first ``scan`` entries of each priority. Only the transactions that
    queue or remove a document write the index, never the workers: their claims and results do not conflict with
    an upload on it."""
    queue = queue_of(portal)
    for priority in (QUICK, LONG, BULK):
        head = list(itertools.islice(order.items(min=(priority,), max=(priority + 1,), excludemax=True), scan))
        for entry, key in head:
            if not is_live(entry, queue.get(key)):
                del order[entry]


def enqueue(portal, uid, kind=None, priority=None):
    """(Re)queue a document: a new job, or the existing one made due now with its attempts reset."""
    queue = queue_of(portal, create=True)
    order = order_of(portal, create=True)
    key = job_key(uid, kind)
    job = queue.get(key)
    if job is None:
        job = queue[key] = Job(uid, kind, priority)
    else:
        order.pop(order_entry(key, job), None)
        job.enqueued, job.not_before, job.attempts, job.priority = time.time(), 0.0, 0, priority
        job.claimed_by, job.claimed_until, job.done = None, 0.0, False
    job.entry = None
    job.entry = order_entry(key, job)
    order[job.entry] = key
    prune(portal, order)
    return job


def move(job, priority):
    """Give a queued job another priority (a document of the quick lane turned out long); its index entry stays:
    due_jobs gives it at its new priority."""
    job.priority = priority


def dequeue(portal, uid, kind=None):
    remove(portal, job_key(uid, kind))


def remove(portal, key):
    """Remove a job and its index entry (a document deleted)."""
    queue = queue_of(portal)
    if queue is not None and key in queue:
        order = order_of(portal, create=True)
        order.pop(order_entry(key, queue[key]), None)
        del queue[key]


def forget(portal, key):
    """Remove a finished job (by a worker: its index entry is pruned later, by an upload)."""
    queue = queue_of(portal)
    if queue is not None and key in queue:
        del queue[key]


def due_jobs(portal, now=None, max_priority=None):
    """Jobs a worker may claim now, best priority first, then oldest first (an iterator): at most ``max_priority``
    (QUICK: the quick lane). A job moved to a worse priority than its entry's waits for that priority's turn."""
    queue = queue_of(portal)
    if not queue:
        return
    now = now or time.time()
    order = order_of(portal)
    if order is None:  # a queue made before the index, not written since
        entries = sorted((order_entry(key, job), key) for key, job in queue.items())
    else:
        entries = order.items()
    moved = []  # heap of (priority, enqueued, key) of the jobs moved
    for entry, key in entries:
        while moved and moved[0][0] < entry[0]:
            job = queue.get(heapq.heappop(moved)[2])
            if job is not None and job.claimable(now):
                yield job
        if max_priority is not None and entry[0] > max_priority:
            break
        job = queue.get(key)
        if not is_live(entry, job) or not job.claimable(now):
            continue
        if priority_of(job) > entry[0]:
            heapq.heappush(moved, (priority_of(job), entry[1], key))
            continue
        yield job
    for priority, _enqueued, key in sorted(moved):
        job = queue.get(key)
        if (max_priority is None or priority <= max_priority) and job is not None and job.claimable(now):
            yield job


def claim(job, name, now=None, lease=None):
    """``lease``: how long the claim holds (LEASE; longer than the conversion's time limit)."""
    now = now or time.time()
    job.claimed_by = name
    job.claimed_until = now + max(lease or 0, LEASE)
    job.attempts += 1


def finish(job):
    """Done (converted or failed for good). Removed from the queue later, apart from the result's transaction:
    deleting keys of one small BTree from several workers at once conflicts."""
    job.done = True
    job.claimed_by, job.claimed_until = None, 0.0


def release_for_retry(job, now=None):
    """Put a job back for a later attempt (after a delay growing with the attempts)."""
    now = now or time.time()
    job.claimed_by, job.claimed_until = None, 0.0
    job.not_before = now + RETRY_DELAY * (2 ** max(job.attempts - 1, 0))
