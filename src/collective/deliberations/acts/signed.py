"""The signed act attached after adoption. The adopted text is closed to the secretariat (only Managers modify an
adopted act): the narrow permission *Attach signed act*, given by the deliberation workflow to the secretariat once
the act is adopted, lets it add or replace the signed PDF, and nothing else (page @@acte-signe, POST @signed-act in
browser/actes.py and services/actes.py)."""

from collective.deliberations import _
from collective.deliberations.documents.writing import write_document
from collective.deliberations.validation import refuse
from plone import api
from plone.namedfile.file import NamedBlobFile


FILE_ID = "acte-signe"


def attach_signed_act(deliberation, data, filename=None):
    if api.content.get_state(deliberation) not in ("adopted", "published"):
        refuse(_("signed_act_not_adopted", default="The signed act is attached once the act is adopted."))
    if not data or not data.startswith(b"%PDF"):
        refuse(_("signed_act_not_pdf", default="The signed act must be a PDF file."))
    blob = NamedBlobFile(data, contentType="application/pdf", filename=filename or f"{FILE_ID}.pdf")
    title = f"Acte signé n° {deliberation.number}" if deliberation.number else "Acte signé"
    return write_document(deliberation, FILE_ID, blob, title, "acte", publishable=True)
