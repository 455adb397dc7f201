"""The register of a year's deliberations, a PDF read back with pdftotext; through HTTP for the secretariat only."""

from .test_liste import pdf_text
from collective.deliberations.seance.votes import record_vote
from plone import api

import transaction


def test_register_of_the_year(held, secretariat, request_factory, tmp_path):
    held.everyone_present()
    held.session.secretary = "girard"
    with api.env.adopt_user(username="secretaire"):
        record_vote(held.items[0], "unanimity")
        record_vote(held.items[1], "secret", counts={"pour": 1, "contre": 6})
        record_vote(held.items[2], "unanimity")
    transaction.commit()
    year = held.session.start.year
    response = secretariat.get(f"@@registre?year={year}")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = " ".join(pdf_text(response.content, tmp_path).split())
    first, third = held.deliberations[0].number, held.deliberations[2].number
    assert f"Registre des délibérations {year}" in text
    assert f"1. Délibération n° {first} — Budget primitif" in text
    assert f"2. Délibération n° {third} — Subvention" in text
    assert "Tarifs piscine" not in text  # rejected: no number, no entry
    assert "Membres présents : Élu du conseil et de la commission, Élue du conseil, Hélène Marchetti" in text
    assert "Le président" in text and "Le secrétaire de séance" in text
    assert "Table par date" in text and "Table par matière" in text and f"7.1 {first} Budget primitif" in text
    empty = secretariat.get("@@registre?year=1999")
    assert empty.status_code == 400 and "Aucun acte n'a été numéroté en 1999." in empty.text
    official = request_factory(basic_auth=("elu", "secret-1234"), api=False)
    assert official.get(f"@@registre?year={year}").status_code in (401, 403)
