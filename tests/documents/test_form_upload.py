"""An upload through the Classic add form (multipart, as a browser sends it) is stored whole, under its name and type,
without the form reading it into memory (compat.patch_namedfile_upload_in_chunks); editing keeps it."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import os
import re
import transaction


def form_fields(page):
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page).group(1)
    kinds = re.search(r'name="form.widgets.IDocumentFlags.document_type:list".*?</select>', page, re.S).group(0)
    kind = [v for v in re.findall(r'<option[^>]*value="([^"]*)"', kinds) if v and v != "--NOVALUE--"][0]
    return {
        "_authenticator": token,
        "form.widgets.IDocumentFlags.document_type:list": kind,
        "form.widgets.IDocumentFlags.document_type-empty-marker": "1",
        "form.widgets.IDocumentFlags.publishable-empty-marker": "1",
        "form.widgets.IDocumentFlags.confidential-empty-marker": "1",
        "form.buttons.save": "Enregistrer",
    }


def test_classic_form_upload_is_stored_whole(folder, request_factory, samples):
    browser = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), api=False)
    browser.headers["Accept"] = "text/html"  # the Classic pages, as a browser asks for them
    data = samples["text.pdf"].read_bytes() + b"%" + os.urandom(3 * 2**20)  # 3 MB after the PDF's end
    page = browser.get(f"{folder.absolute_url()}/++add++File").text
    answer = browser.post(
        f"{folder.absolute_url()}/++add++File",
        data={**form_fields(page), "form.widgets.title": "Dossier du projet"},
        files={"form.widgets.file": ("Délibération n°12.pdf", data, "application/pdf")},
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[-2000:]
    transaction.begin()
    (document,) = folder.objectValues()
    assert answer.headers["Location"].startswith(document.absolute_url())
    assert document.file.data == data
    assert document.file.filename == "Délibération n°12.pdf"
    assert document.file.contentType == "application/pdf"
    download = browser.get(f"{document.absolute_url()}/@@download/file")
    assert download.content == data

    page = browser.get(f"{document.absolute_url()}/@@edit").text
    edited = browser.post(
        f"{document.absolute_url()}/@@edit",
        data={
            **form_fields(page),
            "form.widgets.title": "Dossier du projet (v2)",
            "form.widgets.file.action": "nochange",
        },
        allow_redirects=False,
    )
    assert edited.status_code == 302, edited.text[-2000:]
    transaction.begin()
    assert document.Title() == "Dossier du projet (v2)" and document.file.data == data
