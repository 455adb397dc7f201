"""The archival PDF/A copy of each decided act, rendered in the background ahead of any export, so that an export
copies files and never renders.

When an act is decided (adopted, rejected, withdrawn), when its séance closes, and again whenever the act changes
before its transfer, a job of kind "pdfa" goes into the documents' conversion queue (documents/queue.py); the worker
thread of a Zope process (documents/worker.py) renders the act by the view of @@acte.pdf, gives it the uncompressed
XMP the SIP's copy gets (acts/rendering.readable_metadata), identifies it (PRONOM) and keeps it on the act with its
SHA-512, its size, and the fingerprint of the act's data it was rendered from. A change of the act (its text,
number, state, séance, vote, transmission...) changes the fingerprint: the copy is then no longer used and a new one
is queued. A published act needs none: the copy frozen at publication (acts/frozen.py) is the act for archiving.

It stays in archives/ (not acts/): whether an act still needs its copy is the archives' question (its record
closed, not yet transferred: retention.py, status.py), and the copy is identified as the SIP needs it (identify.py)."""

from collective.deliberations.acts.frozen import published_act
from collective.deliberations.acts.rendering import readable_metadata
from collective.deliberations.acts.rendering import renderer
from collective.deliberations.acts.rendering import site_language
from collective.deliberations.archives.identify import identify_stream
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations

import hashlib
import io
import json
import logging
import time
import transaction


logger = logging.getLogger("collective.deliberations.archives")
KEY = "collective.deliberations.archives.pdfa_copy"
KIND = "pdfa"


def fingerprint(deliberation):
    """SHA-256 of the act's data as @@acte.pdf renders them (text, number, state, séance, vote, transmission)."""
    view = renderer()
    if view is None:
        return None
    with site_language() as request:
        data = view(deliberation, request).data()
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=repr).encode()).hexdigest()


def has_frozen_copy(deliberation):
    frozen = published_act(deliberation)
    return frozen is not None and frozen.get("file") is not None


def stored_copy(deliberation):
    """The copy kept on the act, whatever its fingerprint, or None."""
    return IAnnotations(deliberation).get(KEY)


def ready_copy(deliberation):
    """The copy kept on the act when it was rendered from the act as it is now, else None."""
    copy = stored_copy(deliberation)
    if copy is None or copy.get("file") is None:
        return None
    return copy if copy.get("fingerprint") == fingerprint(deliberation) else None


def make_copy(data, filename, print_=None):
    """The record kept for a rendered act: its blob, SHA-512, size and identification (PRONOM)."""
    identification = identify_stream(io.BytesIO(data))
    return PersistentMapping(
        file=NamedBlobFile(data=data, filename=filename, contentType="application/pdf"),
        sha512=hashlib.sha512(data).hexdigest(),
        size=len(data),
        fingerprint=print_,
        rendered=time.time(),
        **identification,
    )


def render_copy(deliberation):
    """Render the act now and keep its copy on it; the copy, or None when no PDF/A can be made here."""
    view = renderer()
    if view is None:
        return None
    print_ = fingerprint(deliberation)
    with site_language() as request:
        data = readable_metadata(view(deliberation, request).render())
    name = (deliberation.number or deliberation.getId()).replace("/", "-")
    copy = IAnnotations(deliberation)[KEY] = make_copy(data, f"{name}.pdf", print_)
    return copy


def needs_copy(deliberation):
    from collective.deliberations.archives.retention import closed_record
    from collective.deliberations.archives.status import archive_status

    if closed_record(deliberation) is None or has_frozen_copy(deliberation) or archive_status(deliberation):
        return False
    return renderer() is not None


def queue_copy(deliberation):
    """Queue the rendering of the act's copy (after the transaction commits, the worker is woken)."""
    from collective.deliberations.documents import queue as jobs
    from collective.deliberations.documents.lanes import wake_worker

    if not needs_copy(deliberation):
        return False
    jobs.enqueue(api.portal.get(), deliberation.UID(), KIND)
    transaction.get().addAfterCommitHook(wake_worker)
    return True


def render_job(runner, job, deliberation):
    """The worker's handler of a "pdfa" job (documents/worker.register_job_kind)."""
    from collective.deliberations.documents import queue as jobs

    path = "/".join(deliberation.getPhysicalPath())
    if not needs_copy(deliberation) or ready_copy(deliberation) is not None:
        jobs.finish(job)
        return 0
    started = time.monotonic()
    try:
        render_copy(deliberation)
    except Exception as error:
        logger.warning("archival PDF/A of %s failed (attempt %s): %s", path, job.attempts, error)
        if job.attempts >= jobs.MAX_ATTEMPTS:
            jobs.finish(job)  # the export renders it then, and says so
        else:
            jobs.release_for_retry(job)
        return 0
    jobs.finish(job)
    logger.info("archival PDF/A of %s rendered in %.2f s", path, time.monotonic() - started)
    return 1


def register():
    from collective.deliberations.documents.worker import register_job_kind

    register_job_kind(KIND, render_job)


register()


# Subscribers: what may change the act queues its copy again (needs_copy says whether it is decided).


def deliberation_transitioned(deliberation, event):
    queue_copy(deliberation)


def deliberation_modified(deliberation, event):
    queue_copy(deliberation)


def session_transitioned(session, event):
    """A séance closed (or its state moved on): each decided act of its agenda gets its copy."""
    for item in session.agenda():
        deliberation = item.get_deliberation()
        if deliberation is not None:
            queue_copy(deliberation)
