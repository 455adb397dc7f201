"""The whole dossier as one PDF (its sommaire first, a bookmark per agenda item and per document) and the zip of its
files: what the reader may see only, logged in or through the personal link, kept until the dossier changes."""

from .conftest import convene
from .conftest import personal_link
from collective.deliberations.convocation.storage import get_convocation
from plone import api
from plone.namedfile.file import NamedBlobFile

import io
import pytest
import transaction
import zipfile


def pdf(label, pages):
    """A real PDF of `pages` pages, each saying `label` and its number (WeasyPrint)."""
    from weasyprint import HTML

    body = "".join(f'<p style="break-after: page">{label} page {n}</p>' for n in range(1, pages + 1))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def add(container, title, data, filename, **flags):
    with api.env.adopt_user(username="secretaire"):
        return api.content.create(container, "File", title=title, file=NamedBlobFile(data, filename=filename), **flags)


def outline(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))

    def walk(entries):
        result, last = [], None
        for entry in entries:
            if isinstance(entry, list):
                last[2].extend(walk(entry))
            else:
                last = (entry.title, reader.get_destination_page_number(entry) + 1, [])
                result.append(last)
        return result

    return reader, walk(reader.outline)


def page_text(reader, number):
    return " ".join(reader.pages[number - 1].extract_text().split())


@pytest.fixture
def dossier(site, inbox):
    add(site.session, "Note de synthèse", pdf("Note", 2), "note.pdf", document_type="note_synthese")
    add(site.deliberation, "Rapport budgétaire", pdf("Rapport", 3), "rapport.pdf")
    add(site.deliberation, "Tableau des subventions", b"PK\x03\x04 not converted", "subventions.ods")
    add(site.deliberation, "Note interne du service", pdf("Interne", 1), "interne.pdf", publishable=False)
    transaction.commit()
    convene(site.session)
    return site


def test_an_official_gets_the_dossier_as_one_pdf_with_its_sommaire(dossier, browser):
    url = f"{dossier.session.absolute_url()}/@@dossier.pdf"
    page = browser("elu").get(f"{dossier.session.absolute_url()}/@@dossier")
    assert url in page.text and f"{dossier.session.absolute_url()}/@@dossier.zip" in page.text
    response = browser("elu").get(url)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    reader, marks = outline(response.content)
    assert [(title, number) for title, number, _kids in marks] == [
        ("Sommaire", 1),
        ("Documents de la séance", 2),
        ("1. Budget primitif", 4),
    ]
    assert [(t, n) for t, n, _k in marks[1][2]] == [("Note de synthèse (note.pdf)", 2)]
    assert [(t, n) for t, n, _k in marks[2][2]] == [
        ("Rapport budgétaire (rapport.pdf)", 4),
        ("Tableau des subventions (subventions.ods)", 7),
    ]
    assert len(reader.pages) == 7  # sommaire, 2 + 3 pages of PDF, a page standing for the spreadsheet
    sommaire = page_text(reader, 1)
    assert "Rapport budgétaire" in sommaire and "p. 4" in sommaire and "interne" not in sommaire.lower()
    assert page_text(reader, 2) == "Note page 1" and page_text(reader, 6) == "Rapport page 3"
    placeholder = page_text(reader, 7)
    assert "subventions.ods" in placeholder and "n'est pas inclus" in placeholder
    transaction.begin()
    assert get_convocation(dossier.session).get("elu").first_opened_at is None  # a GET writes nothing


def test_the_secretariat_sees_its_internal_note_and_the_official_never(dossier, browser):
    secretariat = browser("secretaire").get(f"{dossier.session.absolute_url()}/@@dossier.pdf")
    _reader, marks = outline(secretariat.content)
    assert "Note interne du service (interne.pdf)" in [t for t, _n, _k in marks[2][2]]
    official = browser("elu").get(f"{dossier.session.absolute_url()}/@@dossier.pdf")
    _reader, marks = outline(official.content)
    assert "Note interne du service (interne.pdf)" not in [t for t, _n, _k in marks[2][2]]


def test_kept_until_the_dossier_changes(dossier, browser):
    url = f"{dossier.session.absolute_url()}/@@dossier.pdf"
    first = browser("elu").get(url).content
    assert browser("elu2").get(url).content == first  # the same audience reads the kept file
    add(dossier.deliberation, "Annexe ajoutée", pdf("Ajout", 1), "ajout.pdf")
    transaction.commit()
    _reader, marks = outline(browser("elu").get(url).content)
    assert "Annexe ajoutée (ajout.pdf)" in [t for t, _n, _k in marks[2][2]]


def test_the_personal_link_gives_the_pdf_and_the_zip(dossier, inbox, browser):
    link = personal_link(inbox.to("elu2@example.org")[0])
    _reader, marks = outline(browser().get(f"{link}/dossier.pdf").content)
    assert [t for t, _n, _k in marks[2][2]] == [
        "Rapport budgétaire (rapport.pdf)",
        "Tableau des subventions (subventions.ods)",
    ]
    response = browser().get(f"{link}/dossier.zip")
    assert response.headers["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == [
        "00 Documents de la séance/note.pdf",
        "01 1. Budget primitif/rapport.pdf",
        "01 1. Budget primitif/subventions.ods",
    ]
    assert (
        zipfile.ZipFile(io.BytesIO(response.content))
        .read("01 1. Budget primitif/subventions.ods")
        .startswith(b"PK\x03\x04 not converted")
    )
    transaction.begin()
    assert get_convocation(dossier.session).get("elu2").first_opened_at is None  # a scanner downloads too
    assert browser().get(f"{link}/autre.pdf").status_code == 404


def test_who_is_outside_the_body_gets_only_what_they_may_see(dossier, browser):
    for who in (None, "agent-urba"):  # the public, an agent of another service
        _reader, marks = outline(browser(who).get(f"{dossier.session.absolute_url()}/@@dossier.pdf").content)
        assert marks[2] == ("1. Budget primitif", 1, [])  # the projet's documents are the body's until the séance
        zipped = browser(who).get(f"{dossier.session.absolute_url()}/@@dossier.zip")
        assert "01 1. Budget primitif/rapport.pdf" not in zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    zipped = browser("secretaire").get(f"{dossier.session.absolute_url()}/@@dossier.zip")
    assert "01 1. Budget primitif/interne.pdf" in zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    official = browser("elu").get(f"{dossier.session.absolute_url()}/@@dossier.zip")
    assert "01 1. Budget primitif/interne.pdf" not in zipfile.ZipFile(io.BytesIO(official.content)).namelist()


def test_a_session_not_convened_is_closed_to_the_public(site, browser):
    site.information()
    transaction.commit()
    for name in ("dossier.pdf", "dossier.zip"):
        url = f"{site.session.absolute_url()}/@@{name}"
        assert browser().get(url, allow_redirects=False).status_code in (302, 401)
        assert browser("secretaire").get(url).status_code == 200


def test_rest_lists_the_dossier_and_leads_to_the_pdf(dossier, rest):
    official = rest("elu")
    data = official.get(f"{dossier.session.absolute_url()}/@dossier").json()
    assert [g["title"] for g in data["groups"]] == ["Documents de la séance", "1. Budget primitif"]
    assert [d["filename"] for d in data["groups"][1]["documents"]] == ["rapport.pdf", "subventions.ods"]
    response = official.get(data["pdf"], headers={"Accept": "application/pdf"})
    assert response.headers["Content-Type"] == "application/pdf"
    assert [t for t, _n, _k in outline(response.content)[1][2][2]] == [
        "Rapport budgétaire (rapport.pdf)",
        "Tableau des subventions (subventions.ods)",
    ]
    secretariat = rest("secretaire").get(f"{dossier.session.absolute_url()}/@dossier").json()
    assert "interne.pdf" in [d["filename"] for d in secretariat["groups"][1]["documents"]]


def test_an_office_document_comes_in_as_the_pdf_the_documents_module_made(site, inbox, browser, functional, tmp_path):
    from collective.deliberations.documents.status import get_status
    from collective.deliberations.documents.worker import Runner

    import subprocess

    (tmp_path / "rapport.txt").write_text("Rapport de la commission des finances\n\nAvis favorable Zorglubien.\n")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "odt",
         "--outdir", str(tmp_path), str(tmp_path / "rapport.txt")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    document = add(
        site.deliberation, "Rapport de la commission", (tmp_path / "rapport.odt").read_bytes(), "rapport.odt"
    )
    transaction.commit()
    Runner(functional["zodbDB"]).run_pending()  # the conversion worker, as each Zope process runs it
    transaction.begin()
    assert get_status(document)["state"] == "converted"
    convene(site.session)
    reader, marks = outline(browser("elu").get(f"{site.session.absolute_url()}/@@dossier.pdf").content)
    ((title, page, _kids),) = marks[2][2]
    assert title == "Rapport de la commission (rapport.odt)"
    assert "Avis favorable Zorglubien." in page_text(reader, page)
