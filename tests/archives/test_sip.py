"""The SIP of a closed séance: a zip with manifest.xml (SEDA 2.2) and Content/, valid before it leaves, atomic."""

from .conftest import SCHEMA_ABSENT
from .conftest import schema_available
from collective.deliberations.archives.collect import Source
from collective.deliberations.archives.seda import q
from collective.deliberations.archives.sip import ExportError
from collective.deliberations.archives.sip import write_sip
from collective.deliberations.archives.transfer import build_sip
from collective.deliberations.archives.transfer import header
from collective.deliberations.archives.validation import check_structure
from collective.deliberations.archives.validation import ManifestInvalid
from collective.deliberations.archives.validation import SchemaMissing
from collective.deliberations.archives.validation import validate
from lxml import etree
from pypdf import PdfReader
from zope.i18n import translate

import hashlib
import io
import pytest
import zipfile


def unit_titles(unit):
    content = unit.find(q("Content"))
    return content.findtext(q("DescriptionLevel")), content.findtext(q("Title"))


def test_sip_of_a_closed_session(archives, seda_schemas, tmp_path):
    identifier, path, sha512 = build_sip([archives.old], tmp_path)
    assert hashlib.sha512(open(path, "rb").read()).hexdigest() == sha512
    assert open(path + ".sha512").read() == f"{sha512}  {identifier}.zip\n"
    with zipfile.ZipFile(path) as sip:
        names = sip.namelist()
        assert "manifest.xml" in names
        assert all(name == "manifest.xml" or name.startswith("Content/") for name in names)
        assert {info.compress_type for info in sip.infolist()} == {zipfile.ZIP_STORED}
        root = etree.fromstring(sip.read("manifest.xml"))
        validate(root, seda_schemas)  # the official XSD
        assert check_structure(root, sip.open) == []
    assert root.findtext(q("MessageIdentifier")) == identifier
    session_unit = root.find(f"{q('DataObjectPackage')}/{q('DescriptiveMetadata')}/{q('ArchiveUnit')}")
    assert unit_titles(session_unit) == ("RecordGrp", "Conseil communautaire (12/03/2024)")
    children = session_unit.findall(q("ArchiveUnit"))
    assert [unit_titles(u) for u in children] == [
        ("Item", "Convocation"),
        ("File", "Budget primitif 2024"),
        ("File", "Subvention au club de rugby"),
    ]
    budget = children[1]
    content = budget.find(q("Content"))
    assert content.findtext(q("OriginatingAgencyArchiveUnitIdentifier")) == "DEL2024_001"
    assert [k.findtext(q("KeywordContent")) for k in content.iter(q("Keyword"))] == ["matière 7.1", "nature 1"]
    assert content.findtext(f"{q('OriginatingAgency')}/{q('Identifier')}") == "200067106"
    appraisal = budget.find(f"{q('Management')}/{q('AppraisalRule')}")
    assert [appraisal.findtext(q(n)) for n in ("Rule", "StartDate", "FinalAction")] == [
        "APP-00001",
        "2024-03-12",
        "Keep",
    ]
    assert [unit_titles(u) for u in budget.findall(q("ArchiveUnit"))] == [("Item", "Annexe de Budget primitif 2024")]
    pdfs = [b for b in root.iter(q("BinaryDataObject")) if b.findtext(f".//{q('MimeType')}") == "application/pdf"]
    documents = [b for b in pdfs if not b.get("id").endswith("-act")]
    assert len(documents) == 3
    assert {b.findtext(f".//{q('FormatId')}") for b in documents} == {"fmt/18"}  # PDF 1.4, identified by Siegfried
    assert all(b.find(q("MessageDigest")).get("algorithm") == "SHA-512" for b in pdfs)


def test_acts_archived_as_pdfa(archives, seda_schemas, tmp_path):
    """Each act goes as the PDF/A-3b @@acte.pdf renders, identified as such by Siegfried; the manifest stays valid."""
    _identifier, path, _sha = build_sip([archives.old], tmp_path)
    with zipfile.ZipFile(path) as sip:
        root = etree.fromstring(sip.read("manifest.xml"))
        validate(root, seda_schemas)
        acts = [b for b in root.iter(q("BinaryDataObject")) if b.get("id").endswith("-act")]
        assert [b.findtext(f"{q('FileInfo')}/{q('Filename')}") for b in acts] == ["DEL2024_001.pdf", "DEL2024_002.pdf"]
        for act in acts:
            identification = act.find(q("FormatIdentification"))
            assert identification.findtext(q("MimeType")) == "application/pdf"
            assert identification.findtext(q("FormatId")) == "fmt/480"  # PRONOM: PDF/A-3b
            assert "PDF/A" in identification.findtext(q("FormatLitteral"))
        reader = PdfReader(io.BytesIO(sip.read(acts[0].findtext(q("Uri")))))
        description = reader.xmp_metadata.rdf_root.getElementsByTagName("rdf:Description")[0]
        assert (description.getAttribute("pdfaid:part"), description.getAttribute("pdfaid:conformance")) == ("3", "B")
        assert "Budget primitif 2024" in "".join(page.extract_text() for page in reader.pages)


def test_uploaded_signed_act_gets_a_pdfa_copy(archives, seda_schemas, tmp_path):
    """The signed act uploaded as a plain PDF keeps its original (its signature) and gets a PDF/A-2b copy made by
    Ghostscript, BinaryMaster_2 of the same DataObjectGroup."""
    from collective.deliberations_demo.pdf import pdf_file
    from plone import api

    api.content.create(
        archives.budget,
        "File",
        id="acte-signe",
        title="Acte signé n° DEL2024_001",
        document_type="acte",
        file=pdf_file("acte-signe.pdf", "Acte signé", ["Budget primitif 2024, signé par la présidente."]),
    )
    _identifier, path, _sha = build_sip([archives.old], tmp_path)
    with zipfile.ZipFile(path) as sip:
        root = etree.fromstring(sip.read("manifest.xml"))
        validate(root, seda_schemas)
        assert check_structure(root, sip.open) == []
        uid = archives.budget["acte-signe"].UID()
        group = next(g for g in root.iter(q("DataObjectGroup")) if g.get("id") == f"GRP-BDO-{uid}")
        versions = [
            (b.findtext(q("DataObjectVersion")), b.findtext(f"{q('FormatIdentification')}/{q('FormatId')}"))
            for b in group.findall(q("BinaryDataObject"))
        ]
        assert versions == [("BinaryMaster_1", "fmt/18"), ("BinaryMaster_2", "fmt/477")]  # PDF 1.4, PDF/A-2b
        copy = group.findall(q("BinaryDataObject"))[1]
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(sip.read(copy.findtext(q("Uri"))))).pages)
        assert "signé par la présidente" in text


def test_manifest_checked_structurally_in_every_run(archives, tmp_path, monkeypatch):
    """Runs with or without the XSD; without it, it says so and checks what it can."""
    from collective.deliberations.archives import sip as sip_module

    validated = []
    if not schema_available():
        print(SCHEMA_ABSENT)
        monkeypatch.setattr(sip_module, "validate", lambda root, directory: validated.append(root))
    else:
        from .conftest import SEDA_22

        monkeypatch.setenv("DELIBERATIONS_SEDA_SCHEMAS", str(SEDA_22))
    _identifier, path, _sha = build_sip([archives.old], tmp_path)
    with zipfile.ZipFile(path) as sip:
        root = etree.fromstring(sip.read("manifest.xml"))
        assert check_structure(root, sip.open) == []
        # a file of the SIP altered afterwards is named
        member = next(n for n in sip.namelist() if n.endswith(".pdf"))
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data + b"%" if info.filename == member else data)
    with zipfile.ZipFile(tampered) as sip:
        assert check_structure(root, sip.open) == [
            f"{member}: its SHA-512 digest does not match the manifest",
            f"{member}: its size does not match the manifest",
        ]


def test_wrong_element_order_is_invalid(archives, seda_schemas, tmp_path):
    _identifier, path, _sha = build_sip([archives.old], tmp_path)
    with zipfile.ZipFile(path) as sip:
        root = etree.fromstring(sip.read("manifest.xml"))
    content = next(root.iter(q("Content")))
    level, title = content.find(q("DescriptionLevel")), content.find(q("Title"))
    content.remove(level)
    title.addnext(level)
    with pytest.raises(ManifestInvalid, match="Title"):
        validate(root, seda_schemas)


def test_no_schema_no_export(archives, tmp_path, monkeypatch):
    monkeypatch.setenv("DELIBERATIONS_SEDA_SCHEMAS", str(tmp_path / "nowhere"))
    vault = tmp_path / "vault"
    vault.mkdir()
    with pytest.raises(SchemaMissing, match="seda-2.2-main.xsd"):
        build_sip([archives.old], vault)
    assert list(vault.iterdir()) == []


class Interrupted(io.BytesIO):
    def read(self, size=-1):
        if self.tell() > 1000:
            raise KeyboardInterrupt
        return super().read(min(size, 1000))


def test_interrupted_export_leaves_nothing(archives, seda_schemas, tmp_path):
    sources = [Source("BDO-1", "big.bin", lambda: Interrupted(b"x" * 5000))]
    with pytest.raises(KeyboardInterrupt):
        write_sip(tmp_path, "SIP-INTERRUPTED", [], sources, header(), seda_schemas)
    assert list(tmp_path.iterdir()) == []


def test_missing_file_is_a_clear_error(archives, seda_schemas, tmp_path):
    import os

    annexe = archives.budget["annexe"]
    blob = annexe.file._blob
    os.unlink(blob._p_blob_uncommitted or blob.committed())
    with pytest.raises(ExportError) as raised:
        build_sip([archives.old], tmp_path)
    assert translate(raised.value.message, target_language="fr").startswith(
        "Le fichier annexe_annexe.pdf est illisible"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_changed_document_is_identified_anew(archives, seda_schemas, tmp_path):
    from plone.namedfile.file import NamedBlobFile
    from zope.lifecycleevent import modified

    annexe = archives.subvention["annexe"]
    annexe.file = NamedBlobFile(
        b"<!DOCTYPE html><html><head><title>t</title></head><body>x</body></html>", filename="annexe.html"
    )
    modified(annexe)
    _identifier, path, _sha = build_sip([archives.old], tmp_path)
    with zipfile.ZipFile(path) as sip:
        root = etree.fromstring(sip.read("manifest.xml"))
    formats = {
        b.findtext(q("Uri")).rsplit("_", 1)[-1]: b.findtext(f".//{q('FormatId')}")
        for b in root.iter(q("BinaryDataObject"))
    }
    assert formats["annexe.pdf"] == "fmt/18" and formats["annexe.html"].startswith("fmt/")
    assert formats["annexe.html"] != "fmt/18"


@pytest.fixture
def small_disk(tmp_path):
    """A real 96 kB file system (tmpfs) as the vault: needs root, as CI and `make test` run."""
    import subprocess

    mount = tmp_path / "small-vault"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mount)], capture_output=True)
    if result.returncode:
        pytest.skip(f"NOT TESTED: a full disk needs a small tmpfs, and mount failed ({result.stderr.decode()})")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_full_disk_is_a_clear_error(archives, seda_schemas, small_disk):
    from plone import api
    from plone.namedfile.file import NamedBlobFile

    import os

    api.content.create(
        archives.budget,
        "File",
        id="plan",
        title="Plan",
        document_type="annexe",
        file=NamedBlobFile(os.urandom(300_000), filename="plan.bin"),
    )
    with pytest.raises(ExportError) as raised:
        build_sip([archives.old], small_disk)
    assert (
        translate(raised.value.message, target_language="fr") == "Le disque du coffre est plein : rien n'a été exporté."
    )
    assert list(small_disk.iterdir()) == []
