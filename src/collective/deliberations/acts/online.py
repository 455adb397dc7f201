"""The date of putting online (R2131-1): recorded when an act is published, once, and never changed after
(frozen.record_online_date); the catalog's online_date index."""

from collective.deliberations.content.deliberation import IDeliberation
from plone.indexer import indexer
from zope.annotation.interfaces import IAnnotations


KEY = "collective.deliberations.online_date"


def online_date(deliberation):
    """When the act was put online (a DateTime), or None."""
    return IAnnotations(deliberation).get(KEY)


@indexer(IDeliberation)
def online_date_index(deliberation):
    return online_date(deliberation)
