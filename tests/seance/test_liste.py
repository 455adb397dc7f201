"""The liste des délibérations of a séance: a PDF made by LibreOffice, read back with pdftotext."""

from .test_attendance import refused
from collective.deliberations.seance.liste import generate_liste
from collective.deliberations.seance.votes import record_vote
from plone import api

import subprocess


def pdf_text(data, tmp_path):
    source = tmp_path / "liste.pdf"
    source.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(source), "-"], check=True, capture_output=True, text=True).stdout


def test_the_list_names_what_was_adopted_or_rejected(seance, tmp_path):
    seance.everyone_present()
    with api.env.adopt_user(username="secretaire"), refused("seance_liste_empty"):
        generate_liste(seance.session)
    with api.env.adopt_user(username="secretaire"):
        record_vote(seance.items[0], "unanimity")
        record_vote(seance.items[1], "secret", counts={"pour": 1, "contre": 6})
        document = generate_liste(seance.session)
    assert document.Title().startswith("Liste des délibérations de la séance du ")
    assert document.document_type == "liste_deliberations"
    assert api.content.get_state(document) == "internal"  # online once published (test_publication.py)
    text = pdf_text(document.file.data, tmp_path)
    assert document.Title() in " ".join(text.split())  # its title, however LibreOffice wraps it
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert any(
        "Budget primitif" in line and "Adoptée" in line and seance.deliberations[0].number in line for line in lines
    )
    assert any("Tarifs piscine" in line and "Rejetée" in line for line in lines)
    assert "Subvention" not in text  # not examined yet
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(seance.session, "close")
        record = generate_liste(seance.session)  # made again once closed: the same document
    assert record.UID() == document.UID() and [
        f.getId() for f in seance.session.objectValues() if f.portal_type == "File"
    ] == ["liste-des-deliberations"]


def test_not_before_the_seance(seance):
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(seance.session, "close")
    other = api.content.create(seance.council, "Session", id="prochaine", title="Prochaine", start=seance.session.start)
    with api.env.adopt_user(username="secretaire"), refused("seance_liste_not_held"):
        generate_liste(other)
