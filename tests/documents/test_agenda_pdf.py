"""The ordre du jour as a PDF: a convened public séance's, to whoever sees it; a planned one's to nobody outside."""

from .test_portal import published  # noqa: F401  (fixture)
from acts.test_rendering import pdf_text


def test_agenda_pdf_of_a_convened_public_session(published, request_factory, tmp_path):  # noqa: F811
    world, act, adopted, individual, planned = published
    response = request_factory(api=False).get(f"{world.session.absolute_url()}/@@ordre-du-jour.pdf")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "Ordre du jour — Conseil communautaire" in text
    assert "Budget annexe de l'eau" in text and "Tarifs de la piscine" in text
    assert request_factory(api=False).get(f"{planned.absolute_url()}/@@ordre-du-jour.pdf").status_code in (
        401,
        403,
        404,
    )
