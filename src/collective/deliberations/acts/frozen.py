"""The published act, frozen: when a deliberation is published, its generated act (@@acte.pdf, with "publié le"
known) is stored once on the deliberation with its SHA-256 digest. That file never changes afterwards, whoever edits
the deliberation later: it is the non-modifiable full text that R2131-1 asks for, served at the act's permanent URL
(@@actes/<number>/acte.pdf). A PDF that could not be made at publication is logged, and the publication goes on
(the portal then serves the act generated at each request, and says so).

On publication, the date of putting online is recorded first (online.py), so that the frozen act says "publié le"."""

from collective.deliberations.acts.online import KEY as ONLINE_DATE
from collective.deliberations.acts.rendering import ActPDFView
from DateTime import DateTime
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest

import hashlib
import logging
import os
import time


logger = logging.getLogger("collective.deliberations.portal")
KEY = "collective.deliberations.published_act"


def published_act(deliberation):
    """{"file": NamedBlobFile, "sha256": hex, "size": bytes, "frozen": epoch} of the act frozen at publication."""
    return IAnnotations(deliberation).get(KEY)


def enabled():
    """Off only for bulk data generation (deliberations-generate sets DELIBERATIONS_FREEZE_ACTS=off)."""
    return os.environ.get("DELIBERATIONS_FREEZE_ACTS", "on").lower() not in ("0", "off", "no", "false")


def freeze_act(deliberation):
    """Render and store the act once; the stored copy is returned (the existing one if already frozen)."""
    annotations = IAnnotations(deliberation)
    if annotations.get(KEY) is not None:
        return annotations[KEY]
    request = getRequest() or api.portal.get().REQUEST
    data = ActPDFView(deliberation, request).render()
    name = (deliberation.number or deliberation.getId()).replace("/", "-")
    annotations[KEY] = PersistentMapping(
        file=NamedBlobFile(data=data, filename=f"{name}.pdf", contentType="application/pdf"),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        frozen=time.time(),
    )
    return annotations[KEY]


def freeze_at_publication(deliberation):
    if not enabled():
        return
    try:
        freeze_act(deliberation)
    except Exception:
        logger.exception("the act %s could not be frozen at publication", "/".join(deliberation.getPhysicalPath()))


def record_online_date(deliberation, event):
    """On publication: the date of putting online (once), then the frozen act."""
    if event.transition is None or event.transition.id != "publish":
        return
    annotations = IAnnotations(deliberation)
    if annotations.get(ONLINE_DATE) is None:
        annotations[ONLINE_DATE] = DateTime()
        deliberation.reindexObject(idxs=["online_date"])
    freeze_at_publication(deliberation)  # after the date: the frozen act says "publié le"
