"""The conversion worker of each Zope process: two threads, started when the process opens its database.

Why threads in each process rather than a separate worker service: ``make run`` stays one command, nothing more
to deploy or supervise, and several processes on one database (RelStorage) share the queue safely because claims
are transactional (see queue.py). Each thread runs a worker.Runner with its own ZODB connection and transaction
manager, sleeps between polls, and is woken at once by an upload committed in its own process.

Two lanes: the quick lane takes only short documents (queue.QUICK), the other takes the best job of any priority; so
a long document converting never delays a short one. When the process starts, what a killed one left (programs and
directories of its conversions) is removed; when it stops (SIGTERM, ``make stop``), the running conversions' programs
are killed and their directories removed (processes.py)."""

from collective.deliberations.background import PollingThread
from collective.deliberations.documents import processes
from collective.deliberations.documents import queue as jobs
from collective.deliberations.documents.worker import logger
from collective.deliberations.documents.worker import Runner

import os


POLL = float(os.environ.get("DELIBERATIONS_CONVERSION_POLL", "5"))
WORKER = None


class Lane(PollingThread):
    def __init__(self, db, interval=POLL, max_priority=None, name="deliberations-conversion"):
        self.runner = Runner(db, max_priority)
        super().__init__(name, interval, self.runner.run_pending)

    def stop(self, wait=False):
        self.runner.stop()
        super().stop(wait)


class Worker:
    """This process's conversion worker: the lane of any job and the quick lane, two threads."""

    def __init__(self, db, interval=POLL):
        self.lanes = [
            Lane(db, interval, None, "deliberations-conversion"),
            Lane(db, interval, jobs.QUICK, "deliberations-conversion-quick"),
        ]

    def start(self):
        for lane in self.lanes:
            lane.start()

    def wake(self):
        for lane in self.lanes:
            lane.wake()

    def stop(self, wait=False):
        for lane in self.lanes:
            lane.stop()
        if wait:
            self.join()

    def join(self, timeout=None):
        for lane in self.lanes:
            lane.join(timeout)

    def is_alive(self):
        return any(lane.is_alive() for lane in self.lanes)


def start_worker(db, interval=POLL):
    global WORKER
    WORKER = Worker(db, interval)
    WORKER.start()
    return WORKER


def wake_worker(*args):
    if WORKER is not None:
        WORKER.wake()


def database_opened(event):
    """Zope opened its database: clean what a killed process left, start this process's worker, unless
    DELIBERATIONS_CONVERSION_WORKER=off."""
    if os.environ.get("DELIBERATIONS_CONVERSION_WORKER", "on").lower() in ("0", "off", "no", "false"):
        logger.info("conversion worker disabled in this process")
        return
    for directory in processes.clean_stale():
        logger.warning("removed %s, left by a conversion of a stopped process", directory)
    processes.stop_on_exit()
    if WORKER is None or not WORKER.is_alive():
        start_worker(event.database)
        logger.info("conversion worker started (polls every %s s)", POLL)
