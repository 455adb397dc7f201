"""The whole dossier as one PDF with its sommaire, and the zip of all its files: for the logged-in reader
(@@dossier.pdf, @@dossier.zip on the session) and through the personal link (…/dossier.pdf, …/dossier.zip).
Each holds the documents that reader may see, the same as the dossier page lists."""

from collective.deliberations.convocation.browser.extranet import DossierView
from collective.deliberations.convocation.dossier_pdf import build_pdf
from collective.deliberations.convocation.dossier_pdf import DossierUnmade
from collective.deliberations.convocation.dossier_pdf import write_zip
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zope.interface import alsoProvides
from ZPublisher.Iterators import filestream_iterator

import os
import tempfile


FRONT = ViewPageTemplateFile("templates/dossier_pdf_front.pt")


def _send(view, path, content_type, filename, disposition="inline"):
    response = view.request.response
    response.setHeader("Content-Type", content_type)
    response.setHeader("Content-Disposition", f'{disposition}; filename="{filename}"')
    response.setHeader("Content-Length", str(os.path.getsize(path)))
    return filestream_iterator(path, "rb")


def dossier_pdf(view):
    """The PDF of what `view` (a DossierBase) lets its reader see, built or taken from the session's blobs."""
    alsoProvides(view.request, IDisableCSRFProtection)  # kept as a blob on the session while it holds
    groups, documents = view.dossier()
    try:
        blob, _built = build_pdf(view.session, groups, documents, lambda data: FRONT(view, data=data))
    except DossierUnmade as unmade:
        view.request.response.setStatus(409)
        view.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(unmade.args[0], context=view.request)
    with blob.open("r") as stream:
        path = stream.name
    return _send(view, path, "application/pdf", f"dossier-{view.session.getId()}.pdf")


def dossier_zip(view):
    """The zip, written to a temporary file on disk, then streamed from it."""
    groups, documents = view.dossier()
    with tempfile.NamedTemporaryFile(prefix="deliberations-dossier-", suffix=".zip", delete=False) as stream:
        write_zip(groups, documents, stream)
    try:
        return _send(view, stream.name, "application/zip", f"dossier-{view.session.getId()}.zip", "attachment")
    finally:
        os.unlink(stream.name)  # the iterator holds it open: the disk space is freed once it is sent


class DossierPDFView(DossierView):
    def __call__(self):
        self.prepare()  # opening the PDF is reading the dossier: the first opening is recorded
        return dossier_pdf(self)


class DossierZipView(DossierView):
    def __call__(self):
        self.prepare()
        return dossier_zip(self)
