"""A document whose PDF qpdf cannot merge (its page tree loops) leaves the dossier's PDF unmade: the reader is told
so in French, with a 4xx, never a 500 that shows qpdf's message and the blob's path on the server."""

from .conftest import convene
from .test_dossier_files import add
from .test_dossier_files import pdf

import transaction


def looping_pages():
    """A PDF whose page tree holds itself: qpdf counts its page, then refuses to merge it."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_unmergeable_document_is_a_french_refusal(site, inbox, browser):
    add(site.session, "Note de synthèse", pdf("Note", 1), "note.pdf", document_type="note_synthese")
    add(site.deliberation, "Rapport abîmé", looping_pages(), "rapport.pdf")
    transaction.commit()
    convene(site.session)
    response = browser("elu").get(f"{site.session.absolute_url()}/@@dossier.pdf")
    assert response.status_code == 409, response.text[:500]
    assert "ne peut pas être assemblé en un seul PDF" in response.text
    assert "qpdf" not in response.text and "blob" not in response.text and "/tmp" not in response.text
