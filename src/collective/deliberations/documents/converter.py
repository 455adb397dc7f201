"""One conversion: check the file, office files to PDF by LibreOffice, then collective.documentviewer's own
conversion of the PDF (page images, text by pdftotext, OCR by Tesseract in French and English when the PDF has no
text layer), stored in the document's annotations as documentviewer does.

It runs in the worker's job space (processes.job_space): every program under the job's time limit, in the job's
temporary directory; a file beyond the limits (settings.py: pages, unpacked size) is refused before the long work."""

from collective.deliberations import _
from collective.deliberations.compat import patch_documentviewer_subprocesses
from collective.deliberations.documents import processes
from collective.deliberations.documents.inspect import check_pages
from collective.deliberations.documents.inspect import DEFAULT_MAX_BYTES
from collective.deliberations.documents.inspect import grouped
from collective.deliberations.documents.inspect import inspect
from collective.deliberations.documents.inspect import Refused
from collective.deliberations.documents.office import ConversionFailed
from collective.deliberations.documents.office import office_to_pdf
from collective.deliberations.documents.settings import Limits
from collective.documentviewer.convert import Converter
from collective.documentviewer.convert import sc
from collective.documentviewer.interfaces import IFileWrapper

import os
import shutil
import tempfile


patch_documentviewer_subprocesses()


OCR_LANGUAGE = os.environ.get("DELIBERATIONS_OCR_LANGUAGE", "fra+eng")
MAX_BYTES = int(os.environ.get("DELIBERATIONS_CONVERSION_MAX_BYTES", str(DEFAULT_MAX_BYTES)))


def has_text_layer(path):
    """True when the PDF uses any font (a text layer), False for pages of pictures only (a scan): OCR then."""
    code, stdout, _err = processes.run(["pdffonts", path], text=True)
    return code == 0 and len(stdout.strip().splitlines()) > 2


class NotQuick(Exception):
    """A document of the quick lane turned out long: it goes to the lane of long documents (not an attempt)."""

    def __init__(self, pages):
        super().__init__(f"{pages} pages")
        self.pages = pages


def job_directory():
    """A new directory in the running job's space (else one of our prefix, for a conversion run outside a job)."""
    space = processes.current()
    if space is not None:
        return tempfile.mkdtemp(dir=space.directory)
    return tempfile.mkdtemp(prefix=f"{processes.PREFIX}{os.getpid()}-")


class DocumentConverter(Converter):
    """documentviewer's Converter, with our checks, limits and LibreOffice step. ``error`` keeps what failed.
    ``quick``: the job is in the quick lane, and longer than ``limits.quick_pages`` it raises NotQuick."""

    error = None

    def __init__(self, context, limits=None, quick=False):
        self.limits, self.quick = limits or Limits(), quick
        super().__init__(context)

    def get_storage_dir(self):
        """documentviewer's page images and texts, in the job's directory rather than a bare mkdtemp()."""
        if self.gsettings.storage_type == "Blob":
            return job_directory()
        return super().get_storage_dir()

    def run_conversion(self):
        wrapper = IFileWrapper(self.context)
        if wrapper.file is None or self.blob_filepath is None:
            raise Refused(_("reason_no_file", default="The document has no file."))
        workdir = job_directory()
        limits = self.limits
        try:
            checked = inspect(
                self.blob_filepath,
                wrapper.filename,
                max_bytes=MAX_BYTES,
                max_expanded_bytes=limits.max_expanded_mb * 2**20,
            )
            source = self.blob_filepath
            if checked.kind == "office":
                source = office_to_pdf(source, checked.extension, workdir)
            pages = check_pages(source, limits.max_pages)
            if self.quick and pages is not None and pages > limits.quick_pages:
                raise NotQuick(pages)
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
        """Run the conversion. None on success; else (permanent, reason). NotQuick and processes.Cancelled go up
        to the worker."""
        try:
            result = self(asynchronous=False)
        except processes.TimedOut as stopped:
            result, timeout = None, stopped
        else:
            timeout = None
        if result == "success":
            return None
        if self.gsettings.storage_type == "Blob":
            shutil.rmtree(self.storage_dir, ignore_errors=True)
        if timeout is not None:  # not tried again: the next run would take as long
            return True, timed_out(timeout.seconds)
        error = self.error
        if isinstance(error, NotQuick):
            raise error
        if isinstance(error, Refused):
            return True, error.reason
        if isinstance(error, ConversionFailed):
            return False, error.message
        detail = str(error).strip().splitlines()[-1:] if error is not None else []
        return False, _(
            "reason_tool_failed",
            default="The converter failed: ${detail}",
            mapping={"detail": (detail[0] if detail else "?")[:300]},
        )


def timed_out(seconds):
    return _(
        "reason_timed_out",
        default="Conversion stopped after ${seconds} s: the document takes too long to convert. It stays downloadable.",
        mapping={"seconds": grouped(int(seconds))},
    )
