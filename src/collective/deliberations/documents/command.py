"""deliberations-convert ZOPE_CONF: convert the documents waiting in the conversion queue of the instance's sites,
for installations that run conversions from cron or a systemd timer rather than in the Zope processes' threads
(then start the instance with DELIBERATIONS_CONVERSION_WORKER=off).

It runs the same worker as the threads (worker.Runner): jobs are claimed by a commit, so it may run while the
instance serves when the database is shared (RelStorage, ZEO; a plain FileStorage is locked by the running instance)
and beside other workers; each document is converted once. It prints a line per document and a summary; the exit
status is 1 when a conversion failed (the document keeps its file and says why; a job is retried 3 times), else 0.

    deliberations-convert instance/etc/zope.conf              # everything due now, then exit (cron)
    deliberations-convert instance/etc/zope.conf --limit 10   # at most 10 documents
    deliberations-convert instance/etc/zope.conf --loop 30    # again every 30 s until stopped (systemd service)
"""

from collective.deliberations import compat  # noqa: F401  (before Zope loads any ZCML)

import argparse
import logging
import sys
import time


def say(message):
    print(f"[deliberations-convert] {message}", flush=True)


def waiting(db):
    """{site path: (jobs due now, jobs in the queue)} through a connection of its own."""
    from collective.deliberations.documents import queue as jobs
    from Products.CMFPlone.interfaces import IPloneSiteRoot

    import transaction

    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        app = connection.root()["Application"]
        found = {}
        for site in app.objectValues():
            if IPloneSiteRoot.providedBy(site):
                queue = jobs.queue_of(site) or {}
                found["/".join(site.getPhysicalPath())] = (sum(1 for _job in jobs.due_jobs(site)), len(queue))
        return found
    finally:
        manager.abort()
        connection.close()


class Progress(logging.Handler):
    """The worker's log lines (converted / failed), printed as they come, numbered."""

    def __init__(self, total):
        super().__init__(logging.INFO)
        self.total, self.done, self.failed = total, 0, 0

    def emit(self, record):
        message = record.getMessage()
        if message.startswith("converted "):
            self.done += 1
        elif message.startswith("conversion of "):
            self.failed += 1
        else:
            return
        say(f"{self.done + self.failed}/{self.total} {message}")


def run_once(db, limit=None):
    from collective.deliberations.documents.worker import logger
    from collective.deliberations.documents.worker import Runner

    before = waiting(db)
    due = sum(d for d, _q in before.values())
    for path, (now, queued) in before.items():
        say(f"{path}: {now} document(s) due now, {queued} in the queue")
    total = min(due, limit) if limit is not None else due
    progress = Progress(total)
    logger.addHandler(progress)
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    started = time.monotonic()
    try:
        handled = Runner(db).run_pending(limit=limit) if due else 0
    finally:
        logger.removeHandler(progress)
        logger.setLevel(level)
        logger.propagate = propagate
    left = sum(q for _d, q in waiting(db).values())
    say(
        f"{handled} handled in {time.monotonic() - started:.1f} s: {progress.done} converted, "
        f"{progress.failed} failed; {left} left in the queue"
    )
    return progress


def main(argv=None):
    parser = argparse.ArgumentParser(prog="deliberations-convert", description=__doc__.splitlines()[0])
    parser.add_argument("zope_conf", help="path to the instance's zope.conf")
    parser.add_argument("--limit", type=int, help="convert at most LIMIT documents (each run)")
    parser.add_argument("--loop", type=float, metavar="SECONDS", help="run again every SECONDS until stopped")
    args = parser.parse_args(argv)

    from collective.deliberations.documents import processes
    from collective.deliberations.zope_app import open_app

    processes.stop_on_exit()  # systemd's stop (SIGTERM) ends the running conversion's programs first
    for directory in processes.clean_stale():
        say(f"removed {directory}, left by a conversion of a stopped process")
    say(f"loading Zope with {args.zope_conf}")
    app = open_app(args.zope_conf)  # no worker thread in this process: it is the worker
    db = app._p_jar.db()
    app._p_jar.close()
    failed = 0
    try:
        while True:
            progress = run_once(db, args.limit)
            failed += progress.failed
            if args.loop is None:
                break
            time.sleep(args.loop)
    except KeyboardInterrupt:
        say("stopped")
    finally:
        db.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
