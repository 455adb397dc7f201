"""collective.documentviewer converts a PDF added to the site: page images, text, and a catalog search finds it.
The conversion runs in the background (documents/worker.py); here the worker's converter runs inline.

The PDF is made here by Ghostscript from PostScript, and converted by the real tools (qpdf, GraphicsMagick,
pdftotext) that `make` installs."""

from collective.deliberations.documents.converter import DocumentConverter
from collective.documentviewer.interfaces import ILayer as IDocumentViewerLayer
from collective.documentviewer.settings import Settings
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from zope.interface import alsoProvides

import pytest
import shutil
import subprocess


WORDS = ["Zorglubienne", "Quintessencielle"]  # one word a page, found by no other content

POSTSCRIPT = """%!PS
/Helvetica findfont 24 scalefont setfont
72 700 moveto (Deliberation page one {0}) show showpage
72 700 moveto (Deliberation page two {1}) show showpage
"""


def make_pdf(tmp_path):
    assert shutil.which("gs"), "Ghostscript is missing: run make test, which installs it"
    source, target = tmp_path / "act.ps", tmp_path / "act.pdf"
    source.write_text(POSTSCRIPT.format(*WORDS))
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={target}", str(source)], check=True
    )
    return target.read_bytes()


@pytest.fixture
def converted(portal, http_request, tmp_path):
    alsoProvides(http_request, IDocumentViewerLayer)  # set by traversal on a real request
    setRoles(portal, TEST_USER_ID, ["Manager"])
    data = make_pdf(tmp_path)
    document = api.content.create(
        container=portal,
        type="File",
        id="act",
        title="Acte de test",
        file=NamedBlobFile(data=data, filename="acte.pdf", contentType="application/pdf"),
    )
    assert Settings(document).successfully_converted is None  # the upload converts nothing
    assert DocumentConverter(document).convert() is None
    return document


def test_pdf_converted_to_pages_and_text(converted):
    settings = Settings(converted)
    assert settings.successfully_converted is True, settings.exception_msg
    assert settings.num_pages == 2
    names = set(settings.blob_files.keys())
    assert {"large/dump_1.gif", "large/dump_2.gif", "small/dump_1.gif"} <= names
    text = settings.blob_files["text/dump_2.txt"].open().read().decode()
    assert WORDS[1] in text
    assert converted.getLayout() != "documentviewer"  # its Plone 5 viewer does not load in Plone 6


@pytest.mark.parametrize("word", WORDS)
def test_text_found_by_catalog_search(converted, word):
    found = api.content.find(SearchableText=word)
    assert [brain.getObject() for brain in found] == [converted]
