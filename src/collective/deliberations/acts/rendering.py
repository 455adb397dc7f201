"""The act as a PDF/A-3b: HTML and CSS (templates/act_pdf.pt) rendered by WeasyPrint.

Why WeasyPrint rather than an ODT through LibreOffice: the template is a page template like every other page of
the site (a collectivité's theme overrides it with z3c.jbot, its CSS handles the layout and the header), the
rendering runs in the process in a fraction of a second without starting LibreOffice, and WeasyPrint writes PDF/A
(fonts embedded, XMP metadata), the non-modifiable format R2131-1 asks for.

The template stays at documents/templates/act_pdf.pt: a collectivité's z3c.jbot override is named after that path.
What the séance recorded (presence, vote) is asked of the séance through a utility (interfaces.ISeanceRecord), as
acts/ sits below seance/."""

from Acquisition import aq_inner
from collective.deliberations.acts.actes import acknowledgement
from collective.deliberations.acts.interfaces import ISeanceRecord
from collective.deliberations.acts.online import online_date
from collective.deliberations.browser import utils
from collective.deliberations.collectivite import get_settings
from collective.deliberations.documents.rendering import html_to_pdfa
from collective.deliberations.documents.rendering import send_pdf
from collective.deliberations.richtext import safe_output
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import queryUtility
from zope.globalrequest import getRequest

import contextlib
import io
import os


TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "documents", "templates")


def session_of(deliberation):
    if not deliberation.session_uid:
        return None
    found = api.content.find(UID=deliberation.session_uid, unrestricted=True)
    return found[0]._unrestrictedGetObject() if found else None


def agenda_item(session, deliberation):
    for item in session.agenda():
        if getattr(item, "deliberation", None) == deliberation.UID():
            return item
    return None


def presence_and_vote(session, item):
    """Members in office, present, represented, voters, and the vote recorded at the séance (if any)."""
    record = queryUtility(ISeanceRecord)
    if record is None:  # the séance is not there
        return None, None
    return record(session, item)


def transmitted_on(deliberation):
    ack = acknowledgement(deliberation)
    return ack["date"] if ack else None


class ActPDFView(BrowserView):
    """@@acte.pdf: the act, generated at each request from its current data (the mentions appear once known).
    The published act is the copy frozen at publication (frozen.py), served by the portal."""

    html = ViewPageTemplateFile("act_pdf.pt", _prefix=TEMPLATES)

    def data(self):
        act = aq_inner(self.context)
        session = session_of(act)
        item = agenda_item(session, act) if session is not None else None
        presence, vote = presence_and_vote(session, item) if session is not None else (None, None)
        settings = get_settings()
        transmitted = transmitted_on(act)
        president = getattr(session, "president", None) if session is not None else None
        return {
            "collectivite": settings.name or api.portal.get().Title(),
            "siren": settings.siren,
            "departement": settings.departement,
            "body": session.aq_parent.Title() if session is not None else "",
            "session_date": utils.localized(getattr(session, "start", None)) if session is not None else "",
            "place": getattr(session, "place", None) if session is not None else None,
            "presence": presence,
            "vote": vote,
            "state": api.content.get_state(act),
            "number": act.number,
            "objet": act.Title(),
            "expose": self.text(act, "expose"),
            "dispositif": self.text(act, "dispositif"),
            "president": utils.fullname(president),
            "published": utils.localized(online_date(act), long_format=False) if online_date(act) else None,
            "transmitted": utils.localized(transmitted, long_format=False) if transmitted else None,
        }

    def text(self, act, name):
        return safe_output(getattr(act, name, None), act)

    def render(self):
        """The act's PDF/A bytes from its data as they are now."""
        return html_to_pdfa(self.html(data=self.data()), self.context.absolute_url())

    def __call__(self):
        return send_pdf(self.request.response, self.render(), f"{self.context.number or self.context.getId()}.pdf")


def renderer():
    """The view of @@acte.pdf when WeasyPrint is installed here, else None (the act cannot be rendered)."""
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return None
    return ActPDFView


@contextlib.contextmanager
def site_language():
    """The request in the site's language while the act is read: the copy is the same (French dates...) whoever's
    request, or the worker's, which has no language of its own, reads it."""
    request = getRequest() or api.portal.get().REQUEST
    language = api.portal.get_default_language() or "fr"
    saved = request.environ.get("HTTP_ACCEPT_LANGUAGE"), request.other.get("LANGUAGE")
    request.environ["HTTP_ACCEPT_LANGUAGE"] = language
    request.other["LANGUAGE"] = language
    try:
        yield request
    finally:
        for mapping, key, value in (
            (request.environ, "HTTP_ACCEPT_LANGUAGE", saved[0]),
            (request.other, "LANGUAGE", saved[1]),
        ):
            if value is None:
                mapping.pop(key, None)
            else:
                mapping[key] = value


def readable_metadata(data):
    """`data` (a PDF) with its XMP metadata stream written again uncompressed, by an incremental update; `data`
    itself when its metadata is already plain or absent. WeasyPrint compresses the XMP of a PDF/A-2 or -3 (allowed
    there), which hides its PDF/A claim from format identification (Siegfried then says PDF 1.7, fmt/276); with the
    same XMP uncompressed, the original bytes untouched as PDF/A allows, it is identified as PDF/A-3b (fmt/480)."""
    from pypdf import PdfReader
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(data))
    metadata = reader.trailer["/Root"].get("/Metadata")
    if metadata is None or "/Filter" not in metadata.get_object():
        return data
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    stream = DecodedStreamObject()
    stream.set_data(metadata.get_object().get_data())
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
