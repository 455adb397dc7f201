"""One conversion: check the file, office files to PDF by LibreOffice, then collective.documentviewer's own
conversion of the PDF (page images, text by pdftotext, OCR by Tesseract in French and English when the PDF has no
text layer), stored in the document's annotations as documentviewer does."""

from collective.deliberations import _
from collective.deliberations.documents.inspect import DEFAULT_MAX_BYTES
from collective.deliberations.documents.inspect import inspect
from collective.deliberations.documents.inspect import Refused
from collective.deliberations.documents.office import ConversionFailed
from collective.deliberations.documents.office import office_to_pdf
from collective.documentviewer.convert import Converter
from collective.documentviewer.convert import sc
from collective.documentviewer.interfaces import IFileWrapper

import os
import shutil
import subprocess
import tempfile


OCR_LANGUAGE = os.environ.get("DELIBERATIONS_OCR_LANGUAGE", "fra+eng")
MAX_BYTES = int(os.environ.get("DELIBERATIONS_CONVERSION_MAX_BYTES", str(DEFAULT_MAX_BYTES)))


def has_text_layer(path):
    """True when the PDF uses any font (a text layer), False for pages of pictures only (a scan): OCR then."""
    listed = subprocess.run(["pdffonts", path], capture_output=True, text=True)
    return listed.returncode == 0 and len(listed.stdout.strip().splitlines()) > 2


class DocumentConverter(Converter):
    """documentviewer's Converter, with our checks and our LibreOffice step. ``error`` keeps what failed."""

    error = None

    def run_conversion(self):
        wrapper = IFileWrapper(self.context)
        if wrapper.file is None or self.blob_filepath is None:
            raise Refused(_("reason_no_file", default="The document has no file."))
        workdir = tempfile.mkdtemp(prefix="deliberations-conversion-")
        try:
            checked = inspect(self.blob_filepath, wrapper.filename, max_bytes=MAX_BYTES)
            source = self.blob_filepath
            if checked.kind == "office":
                source = office_to_pdf(source, checked.extension, workdir)
            gsettings = self.gsettings
            ocr = not has_text_layer(source)
            return sc.convert(
                self.storage_dir,
                inputfilepath=source,
                converttopdf=False,
                sizes=(
                    ("large", gsettings.large_size),
                    ("normal", gsettings.normal_size),
                    ("small", gsettings.thumb_size),
                ),
                enable_indexation=True,
                ocr=ocr,
                detect_text=False,  # its pdffonts check misreads today's poppler output: we decide above
                format=gsettings.pdf_image_format,
                filename=wrapper.filename,
                language=OCR_LANGUAGE,
            )
        except Exception as error:
            self.error = error
            raise
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def handle_layout(self):
        """The document keeps its own view (documentviewer's Plone 5 viewer does not load in Plone 6)."""

    def convert(self):
        """Run the conversion. None on success; else (permanent, reason)."""
        result = self(asynchronous=False)
        if result == "success":
            return None
        if self.gsettings.storage_type == "Blob":
            shutil.rmtree(self.storage_dir, ignore_errors=True)
        error = self.error
        if isinstance(error, Refused):
            return True, error.reason
        detail = str(error).strip().splitlines()[-1:] if error is not None else []
        if isinstance(error, ConversionFailed):
            detail = [str(error)]
        return False, _(
            "reason_tool_failed",
            default="The converter failed: ${detail}",
            mapping={"detail": (detail[0] if detail else "?")[:300]},
        )
