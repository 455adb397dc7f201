"""Downloads of confidential documents, recorded without the reader's GET writing anything.

A GET may not change state (docs/security.md). The entry is made when the request reaches the download (after
traversal: the reader was allowed), and written only once the request's own transaction has committed, in a
transaction of its own on another connection: the request writes nothing, plone.protect sees no write, and a
download that failed leaves no entry. The same append-only tree holds it, so @@audit-log shows it like the rest."""

from collective.deliberations.audit.log import append
from collective.deliberations.audit.log import make_entry
from collective.deliberations.background import commit_apart
from collective.deliberations.behaviors.document import document_state
from collective.deliberations.behaviors.document import IDocumentFlags
from plone import api

import transaction


FILE_VIEWS = ("download", "display-file")
DOSSIER_VIEWS = ("dossier.pdf", "dossier.zip")


def is_confidential(document):
    """Confidential or internal (not publishable): the document's flags, as its workflow state follows them."""
    flags = IDocumentFlags(document, None)
    return flags is not None and document_state(flags) != "publishable"


def _dossier_is_confidential(session):
    """The reader's dossier holds a confidential document (what they may see of the séance)."""
    path = "/".join(session.getPhysicalPath())
    return bool(api.content.find(path=path, portal_type="File", review_state=["confidential", "internal"]))


def read_entry(request):
    """The entry for the download `request` publishes, or None when it is no confidential download."""
    if request.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    view = request.get("PUBLISHED")
    name, context = getattr(view, "__name__", None), getattr(view, "context", None)
    if name in FILE_VIEWS and getattr(context, "portal_type", None) == "File" and is_confidential(context):
        return make_entry("confidential_download", context, {"view": name}, request)
    if name in DOSSIER_VIEWS and getattr(context, "portal_type", None) == "Session":
        if _dossier_is_confidential(context):
            return make_entry("confidential_dossier_download", context, {"view": name}, request)
    return None


def download_traversed(event):
    """IPubAfterTraversal: note the confidential download, written after the request's commit."""
    entry = read_entry(event.request)
    if entry is not None:
        write_after_commit(entry)


def note_read(action, obj, details=None):
    """What a GET hands out (a SIP): recorded after the request's commit, the request itself writing nothing."""
    from zope.globalrequest import getRequest

    write_after_commit(make_entry(action, obj, details, getRequest()))


def write_after_commit(entry):
    site = api.portal.get()
    transaction.get().addAfterCommitHook(_write, args=(site._p_jar.db(), site.getPhysicalPath(), entry))


def _write(committed, db, site_path, entry):
    if committed:
        commit_apart(
            db,
            lambda connection: append(entry, connection.root()["Application"].unrestrictedTraverse(site_path)),
            f"the audit entry {entry!r}",
        )
