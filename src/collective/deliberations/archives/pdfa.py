"""The act for archiving, as PDF/A: the copy frozen at publication (portal/frozen.py, PDF/A-3b) when there is one,
else the act rendered at the export by the view of @@acte.pdf (documents/act_pdf.py, WeasyPrint, PDF/A-3b). Where
WeasyPrint is not installed, the act goes as the XHTML page collect.act_html writes (the tools do not allow).

WeasyPrint compresses the XMP metadata of a PDF/A-2 or -3 (allowed there), which hides its PDF/A claim from
format identification: Siegfried then says PDF 1.7 (fmt/276). The SIP's copy gets the same XMP again, uncompressed,
in an incremental update (the original bytes stay untouched, as PDF/A allows), and is identified as PDF/A-3b
(fmt/480)."""

import io


def _renderer():
    try:
        from collective.deliberations.documents.act_pdf import ActPDFView
    except ImportError:  # documents/ or WeasyPrint is not there
        return None
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return None
    return ActPDFView


def act_pdfa(deliberation):
    """(filename, opener) of the act as PDF/A, or None when no PDF/A can be made here. The opener renders at the
    moment the act is copied into the SIP, so that no act is held in memory longer than its own copy."""
    name = deliberation.number or deliberation.getId()
    try:
        from collective.deliberations.portal.frozen import published_act
    except ImportError:
        published_act = None
    frozen = published_act(deliberation) if published_act is not None else None
    if frozen is not None and frozen.get("file") is not None:
        named = frozen["file"]
        return f"{name}.pdf", lambda: io.BytesIO(readable_metadata(named.data))
    view = _renderer()
    if view is None:
        return None

    def render():
        from plone import api
        from zope.globalrequest import getRequest

        request = getRequest() or api.portal.get().REQUEST
        try:
            data = view(deliberation, request).render()
        except Exception as error:  # said to the archivist as a file that cannot be read; nothing is exported
            raise OSError(f"PDF/A: {error}") from error
        return io.BytesIO(readable_metadata(data))

    return f"{name}.pdf", render


def readable_metadata(data):
    """`data` (a PDF) with its XMP metadata stream written again uncompressed, by an incremental update; `data`
    itself when its metadata is already plain or absent."""
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
