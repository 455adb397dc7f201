"""The official SEDA 2.2 schemas ship with the product: an archivist on a fresh site exports without configuring
anything (finding 3 of issue 13), and the copy is the SIAF's, byte for byte."""

from archives.conftest import SCHEMA_ABSENT
from archives.conftest import SEDA_22
from collective.deliberations.archives import validation
from collective.deliberations.archives.settings import SHIPPED_SCHEMAS
from lxml import etree
from pathlib import Path

import hashlib
import io
import pytest
import requests
import subprocess
import sys
import zipfile


def digests(directory):
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in Path(directory).glob("*.xsd")}


def test_shipped_schemas_are_the_official_ones():
    if not SEDA_22.is_dir():
        pytest.skip(SCHEMA_ABSENT)
    assert len(digests(SEDA_22)) == 8
    assert digests(SHIPPED_SCHEMAS) == digests(SEDA_22)
    provenance = (SHIPPED_SCHEMAS / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "82b22bd55b8dfab4b3348d557436eaf1fbaf2a5c" in provenance  # the SIAF's commit of branch seda-2.2


def test_wheel_carries_the_schemas(project_root, tmp_path):
    build = "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))"
    result = subprocess.run(
        [sys.executable, "-c", build, str(tmp_path)], cwd=project_root, capture_output=True, text=True, check=True
    )
    with zipfile.ZipFile(tmp_path / result.stdout.split()[-1]) as wheel:
        names = set(wheel.namelist())
    folder = "collective/deliberations/archives/schemas/seda-2.2/"
    assert {folder + name for name in digests(SHIPPED_SCHEMAS)} | {folder + "PROVENANCE.md"} <= names


def test_sip_on_a_fresh_site(functional_archives, vault, monkeypatch):
    """No schema directory in the registry nor the environment: the SIP is built, valid against the SEDA 2.2 XSD."""
    monkeypatch.delenv("DELIBERATIONS_SEDA_SCHEMAS", raising=False)
    validation.load_schema.cache_clear()
    response = requests.get(
        f"{functional_archives.old.absolute_url()}/@sip",
        auth=("archiviste", "secret-1234"),
        headers={"Accept": "application/json"},
        timeout=120,
    )
    assert response.status_code == 200, response.text[:500]
    with zipfile.ZipFile(io.BytesIO(response.content)) as sip:
        manifest = etree.fromstring(sip.read("manifest.xml"))
    validation.validate(manifest, SHIPPED_SCHEMAS)
