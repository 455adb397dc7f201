"""What a converter's failure tells the reader is in French and names no file of the server: qpdf's diagnosis of a
damaged PDF named the blob's path on the server, in English; LibreOffice's time limit was told in English (real qpdf
and LibreOffice)."""

from .conftest import add_file
from .conftest import reason
from collective.deliberations.documents.office import ConversionFailed
from collective.deliberations.documents.office import office_to_pdf
from zope.i18n import translate

import pytest


def test_damaged_pdf_reason_names_no_file_of_the_server(folder, runner, samples):
    document = add_file(folder, samples["text.pdf"].read_bytes()[:600], "coupe.pdf")
    runner()
    said = reason(document)
    assert said == "Le PDF est endommagé ou n'est pas un PDF : qpdf ne peut pas le lire."
    assert "/" not in said and "blob" not in said


def test_libreoffice_time_limit_of_a_page_in_french(samples, tmp_path):
    """Outside a conversion job (the PV, the liste), LibreOffice's time limit is told in French (real LibreOffice)."""
    with pytest.raises(ConversionFailed) as stopped:
        office_to_pdf(str(samples["office.docx"]), "docx", str(tmp_path), timeout=0.2)
    message = translate(stopped.value.message, target_language="fr")
    assert message == "LibreOffice n'a pas fini en 0.2 s."
