"""The past séances on the public portal with what they published: the liste des délibérations (L2121-25) and its
rectificatifs, the procès-verbal once published (L2121-15), each with its date of putting online, and a link to the
séance's acts on @@actes. Catalog queries only, as an anonymous visitor: a draft PV or a liste not yet put online is an
internal document the visitor may not View, so it is never found; a huis clos agenda never shows (no agenda here).
A document with no date of putting online shows none: Plone reads a missing effective date as 1969-12-31."""

from AccessControl.SpecialUsers import nobody
from collective.deliberations.browser import utils
from collective.deliberations.seance import liste
from collective.deliberations.seance.publication import PUBLISHED_ID
from plone import api


PAGE = 10
RECTIFICATIF = f"{liste.FILE_ID}-rectificatif-"


def _search(**query):
    """The catalog as an anonymous visitor sees it, whoever looks: the secretariat's page shows what citizens see."""
    with api.env.adopt_user(user=nobody):
        return api.portal.get_tool("portal_catalog").searchResults(**query)


def past_session_brains():
    """The séances held (or closed), the latest first (the visitor's permissions applied by the catalog)."""
    return _search(
        portal_type="Session",
        review_state=("held", "closed"),
        sort_on="start",
        sort_order="descending",
    )


def online(brain):
    """The document's date of putting online, or None when it has none (Plone's FLOOR_DATE, 1969-12-31, is no date)."""
    date = brain.effective
    return date if hasattr(date, "year") and date.year() > 1970 else None


def kind(document_id):
    if document_id == liste.FILE_ID:
        return "liste"
    if document_id == PUBLISHED_ID:
        return "minutes"
    if document_id.startswith(RECTIFICATIF):
        return "rectificatif"
    return None


def published_documents(session_brains):
    """{session path: {"liste": row, "minutes": row, "rectificatifs": [rows]}}: one catalog query for the page."""
    paths = [brain.getPath() for brain in session_brains]
    found = {path: {"liste": None, "minutes": None, "rectificatifs": []} for path in paths}
    if not paths:
        return found
    brains = _search(
        portal_type="File",
        review_state="publishable",
        path={"query": paths, "depth": 1},
        sort_on="effective",
    )
    for brain in brains:
        which = kind(brain.getId)
        parent = brain.getPath().rsplit("/", 1)[0]
        if which is None or parent not in found:
            continue
        date = online(brain)
        row = {
            "title": brain.Title or brain.getId,
            "download": f"{brain.getURL()}/@@download/file",
            "online": utils.localized(date, long_format=True),
            "online_iso": date.ISO8601() if date else None,
        }
        if which == "rectificatif":
            found[parent]["rectificatifs"].append(row)
        else:
            found[parent][which] = row
    return found


def body_titles(session_brains):
    """The title of each séance's body, from one catalog query."""
    parents = sorted({brain.getPath().rsplit("/", 1)[0] for brain in session_brains})
    if not parents:
        return {}
    brains = _search(path={"query": parents, "depth": 0})
    return {brain.getPath(): brain.Title for brain in brains}


def past_sessions(start=0, size=PAGE):
    """(rows of one page, total count)."""
    results = past_session_brains()
    page = list(results[start : start + size])
    documents = published_documents(page)
    bodies = body_titles(page)
    actes = f"{api.portal.get().absolute_url()}/@@actes"
    rows = []
    for brain in page:
        path = brain.getPath()
        rows.append(
            {
                "title": brain.Title,
                "body": bodies.get(path.rsplit("/", 1)[0], ""),
                "date": utils.localized(brain.start),
                "acts": f"{actes}?seance={brain.UID}",
                **documents[path],
            }
        )
    return rows, len(results)


def recent_documents(limit=50):
    """The listes (with their rectificatifs) and PVs most recently put online, for the Atom feed: one query."""
    ids = [liste.FILE_ID, PUBLISHED_ID] + [f"{RECTIFICATIF}{number}" for number in range(1, 21)]
    brains = _search(
        portal_type="File",
        review_state="publishable",
        id=ids,
        sort_on="effective",
        sort_order="descending",
        sort_limit=limit,
    )
    return list(brains[:limit])
