"""The conversion status of a document, kept on the document: what its page and the REST API show."""

from collective.deliberations import _
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

import time


KEY = "collective.deliberations.conversion"
PENDING, CONVERTED, FAILED = "pending", "converted", "failed"
LABELS = {
    PENDING: _("conversion_pending", default="Waiting for conversion"),
    CONVERTED: _("conversion_converted", default="Converted"),
    FAILED: _("conversion_failed", default="Conversion failed"),
}


def get_status(document):
    """The status mapping of a document, or None for a document never queued."""
    return IAnnotations(document).get(KEY)


def set_status(document, state, reason=None, **extra):
    annotations = IAnnotations(document)
    status = annotations.get(KEY)
    if status is None:
        status = annotations[KEY] = PersistentMapping()
    status["state"] = state
    status["reason"] = reason
    status["updated"] = time.time()
    status.update(extra)
    return status


def describe(document, request):
    """State, label and reason in the request's language (None when the document was never queued)."""
    status = get_status(document)
    if status is None:
        return None
    reason = status.get("reason")
    return {
        "state": status["state"],
        "label": translate(LABELS[status["state"]], context=request),
        "reason": translate(reason, context=request) if reason else None,
        "attempts": status.get("attempts", 0),
        "pages": status.get("pages"),
        "updated": status.get("updated"),
    }
