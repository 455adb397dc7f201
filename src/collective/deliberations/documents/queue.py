"""The conversion queue, stored in the ZODB beside the site: it survives a restart and is shared by every Zope
process of the database.

A worker claims a job by writing its name and a lease on the job and committing: two processes that claim the
same job write the same object, so ZODB lets one commit and raises ConflictError in the other, which moves on.
A claim whose lease ran out, or whose process on this machine is gone, can be taken again.

Jobs are taken by priority, then oldest first: a short document (QUICK) before a long one (LONG), both before the
background renderings (BULK, the acts' archival copies). An index of the queue (ORDER_KEY: (priority, enqueued,
key) -> key) gives the next job in O(log n) without sorting the queue; it changes only when a job is queued,
moved to another priority or removed, never when a job is claimed, so claims still conflict on the job alone."""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

import os
import socket
import threading
import time


KEY = "collective.deliberations.conversion_queue"
ORDER_KEY = "collective.deliberations.conversion_order"
QUICK, LONG, BULK = 0, 1, 2
LEASE = float(os.environ.get("DELIBERATIONS_CONVERSION_LEASE", "1800"))
MAX_ATTEMPTS = int(os.environ.get("DELIBERATIONS_CONVERSION_ATTEMPTS", "3"))
RETRY_DELAY = float(os.environ.get("DELIBERATIONS_CONVERSION_RETRY_DELAY", "30"))


class Job(Persistent):
    """One document to convert. No conflict resolution on purpose: concurrent claims must conflict."""

    done = False
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
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


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
    return (priority_of(job), job.enqueued, key)


def order_of(portal, create=False):
    """The index of the queue; made (from the jobs already queued) on the first write after an upgrade."""
    annotations = IAnnotations(portal)
    order = annotations.get(ORDER_KEY)
    if order is None and create:
        order = annotations[ORDER_KEY] = OOBTree()
        for key, job in (queue_of(portal) or {}).items():
            order[order_entry(key, job)] = key
    return order


def _unindex(portal, key, job):
    order = order_of(portal, create=True)
    order.pop(order_entry(key, job), None)
    return order


def enqueue(portal, uid, kind=None, priority=None):
    """(Re)queue a document: a new job, or the existing one made due now with its attempts reset."""
    queue = queue_of(portal, create=True)
    key = job_key(uid, kind)
    job = queue.get(key)
    if job is None:
        job = queue[key] = Job(uid, kind, priority)
        order = order_of(portal, create=True)
    else:
        order = _unindex(portal, key, job)
        job.enqueued, job.not_before, job.attempts, job.priority = time.time(), 0.0, 0, priority
        job.claimed_by, job.claimed_until, job.done = None, 0.0, False
    order[order_entry(key, job)] = key
    return job


def move(portal, key, priority):
    """Give a queued job another priority (a document of the quick lane turned out long)."""
    job = queue_of(portal)[key]
    order = _unindex(portal, key, job)
    job.priority = priority
    order[order_entry(key, job)] = key


def dequeue(portal, uid, kind=None):
    remove(portal, job_key(uid, kind))


def remove(portal, key):
    queue = queue_of(portal)
    if queue is not None and key in queue:
        _unindex(portal, key, queue[key])
        del queue[key]


def due_jobs(portal, now=None, max_priority=None):
    """Jobs a worker may claim now, best priority first, then oldest first (an iterator): at most ``max_priority``
    (QUICK: the quick lane)."""
    queue = queue_of(portal)
    if not queue:
        return
    now = now or time.time()
    order = order_of(portal)
    if order is None:  # a queue made before the index, not written since
        order = {order_entry(key, job): key for key, job in queue.items()}
        entries = sorted(order.items())
    else:
        entries = order.items()
    for (priority, _enqueued, _key), key in entries:
        if max_priority is not None and priority > max_priority:
            return
        job = queue.get(key)
        if job is not None and job.claimable(now):
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
