"""What a stored file really is, before any converter touches it.

Each check reads the file itself (magic bytes, zip members, qpdf), never trusts its name alone: a file whose
extension lies, an empty one, a damaged or password-protected PDF or an office file with macros is refused with a
reason the document page shows; the file itself is always kept."""

from collective.deliberations import _
from collective.deliberations.documents import processes
from dataclasses import dataclass

import os
import zipfile


OFFICE_EXTENSIONS = {"odt", "ods", "odp", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "rtf"}
MACRO_EXTENSIONS = {"docm", "xlsm", "pptm", "dotm", "xltm", "potm", "ppsm"}
KIND_LABELS = {
    "pdf": "PDF",
    "ooxml": "Microsoft Office (docx, xlsx, pptx)",
    "odf": "OpenDocument (odt, ods, odp)",
    "ole": "Microsoft Office 97-2003 (doc, xls, ppt)",
    "rtf": "RTF",
    "zip": "ZIP",
    "unknown": "?",
}
EXPECTED_KIND = {
    "pdf": "pdf",
    "docx": "ooxml",
    "xlsx": "ooxml",
    "pptx": "ooxml",
    "odt": "odf",
    "ods": "odf",
    "odp": "odf",
    "doc": "ole",
    "xls": "ole",
    "ppt": "ole",
    "rtf": "rtf",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_MACRO_MARKERS = ("_VBA_PROJECT".encode("utf-16-le"), "Macros".encode("utf-16-le"), b"_VBA_PROJECT")
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


class Refused(Exception):
    """Bad input: the conversion will never succeed, so it is not retried. ``reason`` is a translatable message."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


@dataclass
class Inspected:
    kind: str  # "pdf" or "office"
    extension: str


def extension_of(filename):
    return os.path.splitext(filename or "")[1].lower().lstrip(".")


def sniff(path):
    """The real kind of a file from its first bytes and, for zips, its members."""
    with open(path, "rb") as stream:
        head = stream.read(2048)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument"):
                    return "odf"
                if "[Content_Types].xml" in names:
                    return "ooxml"
        except zipfile.BadZipFile:
            return "unknown"
        return "zip"
    return "unknown"


def has_macros(path, kind):
    if kind in ("ooxml", "odf"):
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
        if kind == "ooxml":
            return any(name.lower().endswith("vbaproject.bin") for name in names)
        return any(name.startswith(("Basic/", "Scripts/")) for name in names)
    if kind == "ole":
        with open(path, "rb") as stream:
            data = stream.read()
        return any(marker in data for marker in OLE_MACRO_MARKERS)
    return False


def check_pdf(path):
    """qpdf tells a password-protected PDF (exit 0 of --requires-password) and a damaged one (exit 2 of --check)."""
    locked, _out, _err = processes.run(["qpdf", "--requires-password", path])
    if locked == 0:
        raise Refused(_("reason_pdf_password", default="The PDF is protected by a password: it cannot be read."))
    checked, stdout, stderr = processes.run(["qpdf", "--check", path], text=True)
    if checked == 2:
        raise Refused(_("reason_pdf_damaged", default="The PDF is damaged or is not a PDF: qpdf cannot read it."))


def grouped(number):
    """2 000: thousands apart, as French writes them."""
    return f"{number:,}".replace(",", "\u00a0")


def check_expanded(path, kind, max_bytes):
    """An office file of the zip kinds holds at most ``max_bytes`` once unpacked (a 300 KB docx of 300 MB of zeros
    kept LibreOffice busy for minutes): the sizes its zip declares are added up, nothing is unpacked."""
    if kind not in ("ooxml", "odf") or max_bytes is None:
        return
    with zipfile.ZipFile(path) as archive:
        expanded = sum(member.file_size for member in archive.infolist())
    if expanded > max_bytes:
        raise Refused(
            _(
                "reason_expanded_too_big",
                default="Conversion refused: once unpacked, the file takes ${size} MB (at most ${limit} MB). It"
                " stays downloadable.",
                mapping={"size": grouped(expanded // 2**20), "limit": grouped(max_bytes // 2**20)},
            )
        )


def count_pages(path):
    """The PDF's number of pages (qpdf reads its page tree, not its pages), or None when qpdf cannot tell."""
    code, stdout, _err = processes.run(["qpdf", "--show-npages", path], text=True)
    value = stdout.strip()
    return int(value) if code in (0, 3) and value.isdigit() else None


def check_pages(path, max_pages):
    """The number of pages of the PDF at ``path``; Refused beyond ``max_pages``."""
    pages = count_pages(path)
    if pages is not None and pages > max_pages:
        raise Refused(
            _(
                "reason_too_many_pages",
                default="Conversion refused: the document has more than ${limit} pages (${pages}). It stays"
                " downloadable.",
                mapping={"limit": grouped(max_pages), "pages": grouped(pages)},
            )
        )
    return pages


def inspect(path, filename, max_bytes=DEFAULT_MAX_BYTES, max_expanded_bytes=None):
    """Refused(reason) for a file no converter should take; else what to do with it."""
    size = os.path.getsize(path)
    if size == 0:
        raise Refused(_("reason_empty", default="The file is empty (0 bytes)."))
    if size > max_bytes:
        raise Refused(
            _(
                "reason_too_big",
                default="The file is too big to be converted (${size} MB, at most ${limit} MB). It stays downloadable.",
                mapping={"size": size // 2**20, "limit": max_bytes // 2**20},
            )
        )
    extension = extension_of(filename)
    kind = sniff(path)
    if extension in MACRO_EXTENSIONS or (kind in ("ooxml", "odf", "ole") and has_macros(path, kind)):
        raise Refused(
            _(
                "reason_macros",
                default="The file contains macros: it is not converted, for safety. Save it without macros.",
            )
        )
    expected = EXPECTED_KIND.get(extension)
    if expected is None:
        raise Refused(
            _(
                "reason_unsupported",
                default="Files of type '${extension}' are not converted (PDF, odt, ods, odp, docx, xlsx, pptx, doc, "
                "xls, ppt, rtf are).",
                mapping={"extension": extension or "?"},
            )
        )
    if kind != expected:
        raise Refused(
            _(
                "reason_extension_lies",
                default="The name ends in .${extension} but the content is ${found}: the file is not converted.",
                mapping={"extension": extension, "found": KIND_LABELS.get(kind, kind)},
            )
        )
    if kind == "pdf":
        check_pdf(path)
        return Inspected("pdf", extension)
    check_expanded(path, kind, max_expanded_bytes)
    return Inspected("office", extension)
