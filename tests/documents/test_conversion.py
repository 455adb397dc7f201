"""Background conversion: an upload is queued ("en attente"), the worker converts it ("converti") with the real
converters, and the converted text is found by the site's search."""

from .conftest import add_file
from .conftest import SCAN_WORD
from .conftest import WORD
from collective.deliberations.documents.status import get_status
from collective.documentviewer.settings import Settings
from plone import api

import pytest


def page_text(document, page):
    return Settings(document).blob_files[f"text/dump_{page}.txt"].open().read().decode()


def test_pdf_waits_then_is_converted(folder, runner, samples):
    document = add_file(folder, samples["text.pdf"].read_bytes(), "deliberation.pdf")
    assert get_status(document)["state"] == "pending"
    assert not api.content.find(SearchableText=WORD)
    assert runner() == 1
    status = get_status(document)
    assert status["state"] == "converted", status.get("reason")
    assert status["pages"] == 2
    assert WORD in page_text(document, 1)
    assert [brain.getObject() for brain in api.content.find(SearchableText=WORD)] == [document]


@pytest.mark.parametrize("extension", ["odt", "docx", "doc", "xlsx", "ods", "pptx"])
def test_office_file_converted_by_libreoffice(folder, runner, samples, extension):
    document = add_file(folder, samples[f"office.{extension}"].read_bytes(), f"annexe.{extension}")
    runner()
    status = get_status(document)
    assert status["state"] == "converted", status.get("reason")
    assert WORD in page_text(document, 1)
    assert "pdf/dump.pdf" in Settings(document).blob_files
    assert [brain.getObject() for brain in api.content.find(SearchableText=WORD)] == [document]


def test_scanned_pdf_read_by_ocr(folder, runner, samples):
    document = add_file(folder, samples["scan.pdf"].read_bytes(), "scan.pdf")
    runner()
    assert get_status(document)["state"] == "converted"
    assert SCAN_WORD in page_text(document, 1)
    assert [brain.getObject() for brain in api.content.find(SearchableText=SCAN_WORD)] == [document]
