"""The archival PDF/A of each decided act is rendered in the background (the conversion worker's "pdfa" jobs) before
anyone exports: the SIP carries that very copy, an edit of the act makes a new one, and an export only renders an
act whose copy is missing (and says so)."""

from .sae import manifest_of
from .test_rest import call
from collective.deliberations.archives.log import read_log
from collective.deliberations.archives.prerender import ready_copy
from collective.deliberations.archives.prerender import stored_copy
from collective.deliberations.documents import queue as jobs
from collective.deliberations.documents.worker import Runner
from pypdf import PdfReader

import hashlib
import io
import pytest
import transaction
import zipfile


SEDA = "{fr:gouv:culture:archivesdefrance:seda:v2.2}"


@pytest.fixture
def site(functional_archives):
    return functional_archives


@pytest.fixture
def runner(functional):
    """The queue run on the test database through a connection of its own, as each Zope process's worker does."""
    worker = Runner(functional["zodbDB"])

    def run():
        transaction.commit()
        handled = worker.run_pending()
        transaction.begin()  # see what the worker committed
        return handled

    return run


def copy_bytes(act):
    with stored_copy(act)["file"].open() as stream:
        return stream.read()


def text_of(data):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def act_in_sip(sip, act):
    """(bytes, manifest digest, PRONOM id) of the act's own file (BDO-<uid>-act) in the SIP."""
    manifest = manifest_of(sip)
    for element in manifest.iter(f"{SEDA}BinaryDataObject"):
        if element.get("id") == f"BDO-{act.UID()}-act":
            uri = element.findtext(f"{SEDA}Uri")
            digest = element.findtext(f"{SEDA}MessageDigest")
            puid = element.findtext(f"{SEDA}FormatIdentification/{SEDA}FormatId")
            with zipfile.ZipFile(sip) as archive:
                return archive.read(uri), digest, puid
    raise AssertionError("the act is not in the SIP")


def test_decided_act_gets_its_copy_without_any_export(site, runner, vault):
    transaction.begin()
    queued = jobs.queue_of(site.portal)
    assert f"pdfa:{site.budget.UID()}" in queued  # queued when it was decided and its séance closed
    assert stored_copy(site.budget) is None
    assert runner() >= 2
    for act in (site.budget, site.subvention):
        copy = ready_copy(act)
        assert copy is not None
        data = copy_bytes(act)
        assert data.startswith(b"%PDF")
        assert copy["sha512"] == hashlib.sha512(data).hexdigest() and copy["size"] == len(data)
        assert copy["puid"] == "fmt/480"  # PDF/A-3b, its XMP readable
        assert act.Title() in text_of(data)
    assert list(vault.iterdir()) == []  # nobody exported
    assert f"pdfa:{site.budget.UID()}" not in jobs.queue_of(site.portal)  # done and forgotten


def test_the_sip_carries_the_copy_rendered_ahead(site, runner, seda_schemas, vault):
    runner()
    expected = copy_bytes(site.budget)
    response = call("POST", f"{site.old.absolute_url()}/@transfer")
    assert response.status_code == 200, response.text
    sip = vault / response.json()["file"]
    data, digest, puid = act_in_sip(sip, site.budget)  # the manifest was validated against the XSD before it left
    assert data == expected
    assert digest == stored_copy(site.budget)["sha512"] == hashlib.sha512(data).hexdigest()
    assert puid == "fmt/480"
    transaction.begin()
    assert response.json()["rendered_at_export"] == 0
    assert "rendu(s) à l'export" not in read_log()[0]["detail"]


def test_an_edit_of_the_act_makes_a_new_copy(site, runner, seda_schemas, vault):
    runner()
    before = stored_copy(site.budget)["sha512"]
    response = call("PATCH", site.budget.absolute_url(), "admin", json={"title": "Budget primitif 2024 rectifié"})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert ready_copy(site.budget) is None  # the copy of the act as it was is no longer used
    assert f"pdfa:{site.budget.UID()}" in jobs.queue_of(site.portal)
    runner()
    after = ready_copy(site.budget)
    assert after is not None and after["sha512"] != before
    assert "Budget primitif 2024 rectifié" in text_of(copy_bytes(site.budget))
    response = call("POST", f"{site.old.absolute_url()}/@transfer")
    assert response.status_code == 200, response.text
    data, digest, _puid = act_in_sip(vault / response.json()["file"], site.budget)
    assert digest == after["sha512"] and data == copy_bytes(site.budget)


def test_the_export_renders_only_what_is_missing_and_says_so(site, runner, seda_schemas, vault):
    transaction.begin()
    jobs.dequeue(site.portal, site.subvention.UID(), "pdfa")  # as if its job had not run yet
    runner()
    assert ready_copy(site.budget) is not None and stored_copy(site.subvention) is None
    response = call("POST", f"{site.old.absolute_url()}/@transfer")
    assert response.status_code == 200, response.text
    assert response.json()["rendered_at_export"] == 1
    data, _digest, puid = act_in_sip(vault / response.json()["file"], site.subvention)
    assert puid == "fmt/480" and site.subvention.Title() in text_of(data)
    transaction.begin()
    assert "1 acte(s) sans copie PDF/A prête, rendu(s) à l'export" in read_log()[0]["detail"]
