"""What a converter's failure tells the reader is in French and names no file of the server: qpdf's diagnosis of a
damaged PDF named the blob's path on the server, in English (real qpdf)."""

from .conftest import add_file
from .conftest import reason


def test_damaged_pdf_reason_names_no_file_of_the_server(folder, runner, samples):
    document = add_file(folder, samples["text.pdf"].read_bytes()[:600], "coupe.pdf")
    runner()
    said = reason(document)
    assert said == "Le PDF est endommagé ou n'est pas un PDF : qpdf ne peut pas le lire."
    assert "/" not in said and "blob" not in said
