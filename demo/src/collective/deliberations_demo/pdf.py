"""A tiny valid PDF of one A4 page of text, written by hand (no dependency): the demo's annexes and notes."""

from plone.namedfile.file import NamedBlobFile

import re
import textwrap


def _escape(line):
    data = line.encode("cp1252", errors="replace")  # the standard fonts' WinAnsiEncoding
    return re.sub(rb"([()\\])", rb"\\\1", data)


def pdf_bytes(title, paragraphs):
    """A PDF 1.4 file: the title in bold, then the paragraphs wrapped at 90 characters."""
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 90) or [""])
        lines.append("")
    content = b"BT /F2 14 Tf 56 780 Td (" + _escape(title) + b") Tj ET\nBT /F1 10 Tf 56 750 Td 14 TL\n"
    content += b"".join(b"(" + _escape(line) + b") '\n" for line in lines[:48]) + b"ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + _escape(title) + b") /Producer (collective.deliberations demo) >>",
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    output += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(output)


def pdf_file(filename, title, paragraphs):
    return NamedBlobFile(data=pdf_bytes(title, paragraphs), filename=filename, contentType="application/pdf")
