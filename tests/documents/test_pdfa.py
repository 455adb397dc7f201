"""The generated PDFs (the act, the act frozen at publication, the ordre du jour) carry what a PDF/A-3b validator
checks first. No full validator can be installed here (veraPDF is not packaged by Debian nor on PyPI), so these are
the markers it would read: the PDF/A identification in the XMP metadata, an output intent with its ICC profile,
every font embedded (pdffonts), no encryption, a file identifier, and a structure qpdf finds sound."""

from .test_portal import get
from .test_portal import published  # noqa: F401  (fixture)
from lxml import etree
from pypdf import PdfReader

import io
import pytest
import subprocess


XMP = {"pdfaid": "http://www.aiim.org/pdfa/ns/id/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


def pdfa_problems(data, tmp_path):
    """What stops the PDF from being a PDF/A-3b, in words (empty when none of the markers is missing)."""
    problems = []
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    if reader.is_encrypted:
        problems.append("encrypted")
    if "/ID" not in reader.trailer:
        problems.append("no file identifier")
    metadata = root.get("/Metadata")
    if metadata is None:
        problems.append("no XMP metadata")
    else:
        xmp = etree.fromstring(metadata.get_object().get_data())

        def value(name):
            found = xmp.xpath(f"//@pdfaid:{name} | //pdfaid:{name}/text()", namespaces=XMP)
            return str(found[0]) if found else None

        if (value("part"), value("conformance")) != ("3", "B"):
            problems.append(f"XMP says PDF/A part {value('part')} conformance {value('conformance')}")
    intents = [intent.get_object() for intent in root.get("/OutputIntents", [])]
    if not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
        problems.append("no PDF/A output intent with an ICC profile")
    path = tmp_path / "checked.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    header = fonts[0]
    column = header.index("emb")
    rows = fonts[2:]
    if not rows:
        problems.append("no font at all")
    problems += [f"font not embedded: {row.split()[0]}" for row in rows if row[column : column + 3] != "yes"]
    checked = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    if checked.returncode != 0:
        problems.append(f"qpdf --check: {checked.stdout[-300:]}")
    return problems


@pytest.mark.parametrize("which", ["act", "frozen act", "ordre du jour"])
def test_generated_pdfs_carry_the_pdfa_markers(published, request_factory, tmp_path, which):  # noqa: F811
    world, act, adopted, individual, planned = published
    if which == "act":
        data = request_factory(api=False).get(f"{act.absolute_url()}/@@acte.pdf").content
    elif which == "frozen act":
        data = get(request_factory, f"@@actes/{act.number}/acte.pdf").content
    else:
        data = request_factory(api=False).get(f"{world.session.absolute_url()}/@@ordre-du-jour.pdf").content
    assert data.startswith(b"%PDF-")
    assert pdfa_problems(data, tmp_path) == []


def test_the_check_finds_a_plain_pdf_lacking(samples, tmp_path):
    """A PDF made by Ghostscript without PDF/A options: the check says what it lacks (it can fail)."""
    problems = pdfa_problems(samples["text.pdf"].read_bytes(), tmp_path)
    assert "no PDF/A output intent with an ICC profile" in problems
    assert any(problem.startswith("XMP") or problem == "no XMP metadata" for problem in problems)
