"""The date of putting online (R2131-1) is recorded when an act is published, once, and never changes after; the
act's PDF is frozen then too (frozen.py)."""

from collective.deliberations.content.deliberation import IDeliberation
from DateTime import DateTime
from plone.indexer import indexer
from zope.annotation.interfaces import IAnnotations


KEY = "collective.deliberations.online_date"


def online_date(deliberation):
    """When the act was put online (a DateTime), or None."""
    return IAnnotations(deliberation).get(KEY)


def record_online_date(deliberation, event):
    if event.transition is None or event.transition.id != "publish":
        return
    annotations = IAnnotations(deliberation)
    if annotations.get(KEY) is None:
        annotations[KEY] = DateTime()
        deliberation.reindexObject(idxs=["online_date"])
    from collective.deliberations.portal.frozen import freeze_at_publication

    freeze_at_publication(deliberation)  # after the date: the frozen act says "publié le"


@indexer(IDeliberation)
def online_date_index(deliberation):
    return online_date(deliberation)
