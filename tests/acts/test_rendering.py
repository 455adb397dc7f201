"""The generated act: a PDF/A whose text a reader finds as the law wants it: header of the collectivité, séance,
members in office, present and represented, objet, exposé, dispositif, result, number, president, mentions."""

from collective.deliberations.collectivite import get_settings
from documents.test_portal import published  # noqa: F401  (fixture)
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from pypdf import PdfReader

import io
import subprocess
import transaction


def pdf_text(data, tmp_path):
    path = Path(tmp_path) / "acte.pdf"
    path.write_bytes(data)
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def test_act_pdf(published, request_factory, tmp_path):  # noqa: F811
    world, act, adopted, individual, planned = published
    settings = get_settings()
    settings.name = "Communauté de communes du Val d'Exemple"
    act.expose = RichTextValue("<p>Le budget de l'eau doit être voté.</p>")
    act.dispositif = RichTextValue("<p>Le conseil, après en avoir délibéré, adopte le budget.</p>")
    transaction.commit()
    response = request_factory(api=False).get(f"{act.absolute_url()}/@@acte.pdf")
    assert response.status_code == 200, response.text[-3000:]
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    metadata = PdfReader(io.BytesIO(response.content)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in metadata and b"pdfaid:conformance" in metadata  # declared PDF/A in its XMP
    text = pdf_text(response.content, tmp_path)
    for expected in (
        "Communauté de communes du Val d'Exemple",
        "Conseil communautaire",
        "Séance du",
        f"Acte n° {act.number}",
        "Membres en exercice 2",
        "Présents 0",
        "Budget annexe de l'eau",
        "Exposé des motifs Le budget de l'eau doit être voté.",
        "Le conseil, après en avoir délibéré, adopte le budget.",
        "Résultat du vote Adoptée",
        "Le président, Élu du conseil et de la commission",
        "Publié le",
    ):
        assert expected in text, (expected, text)
    assert "Transmis en préfecture le" not in text  # not yet known


def test_act_pdf_follows_permissions(published, request_factory):  # noqa: F811
    world, act, adopted, individual, planned = published
    draft = world.draft("Projet confidentiel")
    transaction.commit()
    assert request_factory(api=False).get(f"{draft.absolute_url()}/@@acte.pdf").status_code in (401, 403, 404)
    with api.env.adopt_user(username="agent"):
        assert api.user.has_permission("View", obj=draft)
