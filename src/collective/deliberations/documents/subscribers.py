"""An added or replaced file is queued for conversion; its name is cleaned first. Nothing is converted here, so an
upload answers at once; the worker of this process is woken when the upload is committed. A file above the quick
lane's size waits in the lane of long documents. A removed file (or the folder or deliberation holding it) leaves the
queue, and its running conversion is stopped."""

from collective.deliberations.documents import processes
from collective.deliberations.documents import queue as jobs
from collective.deliberations.documents.lanes import wake_worker
from collective.deliberations.documents.settings import limits
from collective.deliberations.documents.status import get_status
from collective.deliberations.documents.status import PENDING
from collective.deliberations.documents.status import set_status
from plone import api

import os
import transaction
import unicodedata


MAX_NAME = 200  # characters; well under the 255 bytes most file systems allow once the archive unpacks it


def clean_filename(name):
    """The last segment of a path a browser or client sent, without control characters, at most MAX_NAME long."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C").strip(" .")
    if not name:
        return "document"
    stem, extension = os.path.splitext(name)
    if len(extension) > 10:
        stem, extension = name, ""
    return stem[: MAX_NAME - len(extension)].rstrip(" .") + extension


def queue_conversion(document):
    """Queue the document's file (added, or replaced by a new upload). Called from the subscribers and REST."""
    file = getattr(document, "file", None)
    if file is None:
        return
    if file.filename:
        cleaned = clean_filename(file.filename)
        if cleaned != file.filename:
            file.filename = cleaned
    quick = (file.getSize() or 0) <= limits().quick_mb * 2**20
    jobs.enqueue(api.portal.get(), document.UID(), priority=jobs.QUICK if quick else jobs.LONG)
    set_status(document, PENDING, None, file=file, attempts=0)
    transaction.get().addAfterCommitHook(wake_worker)


def file_added(document, event):
    queue_conversion(document)


def file_modified(document, event):
    status = get_status(document)
    if status is None or status.get("file") is not getattr(document, "file", None):
        queue_conversion(document)


def file_removed(document, event):
    try:
        portal = api.portal.get()
    except api.exc.CannotGetPortalError:
        return
    if portal is not None:
        uid = document.UID()
        jobs.dequeue(portal, uid)
        transaction.get().addAfterCommitHook(lambda committed: committed and processes.cancel(uid))
