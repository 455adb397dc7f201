"""Catalog indexes the search needs on deliberations: full text (objet, number, exposé, dispositif), the body
that decided, the matière at every level, the date of decision. Documents are indexed on their own (indexers.py),
each with its own permissions: a confidential annex's words never make its deliberation show up."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.content.deliberation import IDeliberation
from lxml import html
from plone import api
from plone.indexer import indexer


def rich_text(value):
    raw = getattr(value, "raw", None)
    if not raw:
        return ""
    try:
        return html.fromstring(raw).text_content()
    except Exception:  # not HTML: keep the text as it is
        return raw


@indexer(IDeliberation)
def searchable_text(deliberation):
    parts = [
        deliberation.number or "",
        deliberation.Title(),
        deliberation.Description(),
        rich_text(deliberation.expose),
        rich_text(deliberation.dispositif),
        deliberation.matiere or "",
    ]
    return " ".join(part for part in parts if part)


def session_of(deliberation):
    if not deliberation.session_uid:
        return None
    found = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=deliberation.session_uid)
    return found[0]._unrestrictedGetObject() if found else None


@indexer(IDeliberation)
def deliberation_body(deliberation):
    """UID of the body (council, bureau) of the deliberation's séance."""
    session = session_of(deliberation)
    return aq_parent(aq_inner(session)).UID() if session is not None else None


@indexer(IDeliberation)
def matiere_levels(deliberation):
    """7.1.2 gives 7, 7.1 and 7.1.2: a search on 7 finds every act of Finances locales."""
    parts = (deliberation.matiere or "").split(".")
    return [".".join(parts[: n + 1]) for n in range(len(parts)) if parts[0]]


@indexer(IDeliberation)
def decision_date(deliberation):
    return deliberation.decision_date
