"""Bad files are kept, downloadable, and marked "Échec de conversion" with the reason; none blocks the workflow."""

from .conftest import add_file
from .conftest import reason
from collective.deliberations.documents import converter
from collective.deliberations.documents.status import get_status
from content.conftest import World
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import base64
import pytest
import transaction


def failed_with(document):
    status = get_status(document)
    assert status["state"] == "failed", status
    return reason(document)


def download(request_factory, document):
    response = request_factory(role="Manager", api=False).get(document.absolute_url() + "/@@download/file")
    assert response.status_code == 200
    return response.content


def test_empty_file(folder, runner):
    document = add_file(folder, b"", "vide.pdf")
    runner()
    assert failed_with(document) == "Le fichier est vide (0 octet)."


def test_damaged_pdf_is_kept(folder, runner, request_factory, samples):
    data = samples["text.pdf"].read_bytes()[:600]
    document = add_file(folder, data, "coupe.pdf")
    runner()
    assert failed_with(document).startswith("Le PDF est endommagé ou n'est pas un PDF : ")
    assert download(request_factory, document) == data


def test_password_protected_pdf(folder, runner, samples):
    document = add_file(folder, samples["password.pdf"].read_bytes(), "protege.pdf")
    runner()
    assert failed_with(document) == "Le PDF est protégé par un mot de passe : il ne peut pas être lu."


@pytest.mark.parametrize(
    "sample, filename, found",
    [
        ("office.docx", "faux.pdf", "Microsoft Office (docx, xlsx, pptx)"),
        ("text.pdf", "faux.odt", "PDF"),
        ("office.odt", "faux.doc", "OpenDocument (odt, ods, odp)"),
    ],
)
def test_extension_that_lies(folder, runner, samples, sample, filename, found):
    document = add_file(folder, samples[sample].read_bytes(), filename)
    runner()
    extension = filename.rsplit(".", 1)[1]
    assert failed_with(document) == (
        f"Le nom se termine par .{extension} mais le contenu est {found} : le fichier n'est pas converti."
    )


@pytest.mark.parametrize("sample, filename", [("office.docx", "macros.docm"), ("macros.docx", "cache.docx")])
def test_office_file_with_macros(folder, runner, samples, sample, filename):
    document = add_file(folder, samples[sample].read_bytes(), filename)
    runner()
    assert failed_with(document).startswith("Le fichier contient des macros : il n'est pas converti, par sécurité.")


def test_type_not_converted(folder, runner):
    document = add_file(folder, b"MZ\x90\x00 not a document", "outil.exe")
    runner()
    assert "Les fichiers de type « exe » ne sont pas convertis" in failed_with(document)


def test_file_too_big_for_conversion(folder, runner, samples, monkeypatch):
    monkeypatch.setattr(converter, "MAX_BYTES", 2 * 2**20)  # as a 300 MB file against the 200 MB default
    document = add_file(folder, samples["text.pdf"].read_bytes() + b"\0" * 3 * 2**20, "enorme.pdf")
    runner()
    assert failed_with(document) == (
        "Le fichier est trop volumineux pour être converti (3 Mo, au plus 2 Mo). Il reste téléchargeable."
    )


def test_name_with_accents_slashes_and_300_characters(folder, runner, manager_request, request_factory, samples):
    data = samples["text.pdf"].read_bytes()
    filename = "C:\\Mes documents/../Délibération n°12 — budget/" + "é" * 300 + ".pdf"
    response = manager_request.post(
        "/documents",
        json={
            "@type": "File",
            "file": {"data": base64.b64encode(data).decode(), "encoding": "base64", "filename": filename},
        },
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    document = api.content.get(path=response.json()["@id"].split("/plone", 1)[1])
    stored = document.file.filename
    assert stored == "é" * 196 + ".pdf"
    assert len(document.getId()) <= 100
    runner()
    assert get_status(document)["state"] == "converted"
    assert download(request_factory, document) == data


def test_failed_conversion_does_not_block_the_workflow(functional_portal, runner, request_factory):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    draft = world.draft("Subvention au club")
    with api.env.adopt_user(username="agent"):
        annex = add_file(draft, b"%PDF-1.4 broken", "annexe.pdf")
    transaction.commit()
    runner()
    assert get_status(annex)["state"] == "failed"
    with api.env.adopt_user(username="agent"):
        api.content.transition(draft, "propose")
    with api.env.adopt_user(username="valideur"):
        api.content.transition(draft, "validate")
    transaction.commit()
    assert api.content.get_state(draft) == "validated"
    session = request_factory(basic_auth=("valideur", "secret-1234"), api=False)
    assert session.get(annex.absolute_url() + "/@@download/file").content == b"%PDF-1.4 broken"
