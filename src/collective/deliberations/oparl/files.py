"""The public files as OParl files (OParl 1.1, 3.10 File): a document of a séance or of an act that the public
portal lists, publishable and readable by an anonymous visitor (never a confidential or internal one, never a draft
PV), and the act's full text frozen at publication (papers.py). ``accessUrl`` and ``downloadUrl`` are the portal's."""

from collective.deliberations.oparl.common import as_anonymous
from collective.deliberations.oparl.common import base
from collective.deliberations.oparl.common import day
from collective.deliberations.oparl.common import search
from collective.deliberations.oparl.common import url
from collective.deliberations.oparl.public import is_published
from collective.deliberations.oparl.urls import meeting_url
from collective.deliberations.oparl.urls import paper_url
from collective.deliberations.security.disclosure import session_is_public


def file_brains(**query):
    return search(portal_type="File", review_state="publishable", sort_on="modified", sort_order="descending", **query)


def public_files(container):
    found = file_brains(path={"query": "/".join(container.getPhysicalPath()), "depth": 1})
    with as_anonymous():
        return [brain.getObject() for brain in found]


def session_files(session):
    return public_files(session)


def act_documents(act):
    return public_files(act)


def file_data(document):

    blob = getattr(document, "file", None)
    parent = document.aq_parent
    kind = getattr(parent, "portal_type", None)
    return base(
        "File",
        url("file", document.UID()),
        document,
        name=document.Title() or document.getId(),
        fileName=getattr(blob, "filename", None),
        mimeType=getattr(blob, "contentType", None),
        size=getattr(blob, "size", None),
        date=day(document.effective()) if document.EffectiveDate() != "None" else None,
        accessUrl=document.absolute_url(),
        downloadUrl=f"{document.absolute_url()}/@@download/file",
        meeting=[meeting_url(parent)] if kind == "Session" else None,
        paper=[paper_url(parent)] if kind == "Deliberation" else None,
    )


def publicly_listed(document):
    """A file of a public séance or of a published act: what the portal lists, nothing of a closed séance."""

    parent = document.aq_parent
    kind = getattr(parent, "portal_type", None)
    if kind == "Session":
        return session_is_public(parent)
    if kind == "Deliberation":
        return is_published(parent)
    return False


def listed_file_brains(**query):
    with as_anonymous():
        return [brain for brain in file_brains(**query) if publicly_listed(brain.getObject())]
