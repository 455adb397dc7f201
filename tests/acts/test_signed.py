"""The secretariat attaches the signed act after adoption (a narrow permission of the workflow), without being
able to change the adopted text; an official cannot attach it; before adoption nobody but a Manager can."""

from .test_actes_page import adopted_act  # noqa: F401 (fixture)
from plone import api
from seance.test_page import page
from seance.test_page import token
from seance.test_page import words
from seance.test_publication import blank_pdf
from seance.test_publication import denied

import base64
import transaction


URL = "finances/budget-primitif"


def test_the_secretariat_attaches_the_signed_act_from_the_actes_page(adopted_act, secretariat):  # noqa: F811
    tree = page(secretariat.get(f"{URL}/@@actes"))
    assert "Joignez l'acte signé" in words(tree.xpath('//section[@id="actes-package"]')[0])
    form = tree.xpath('//section[@id="signed-act"]//form')[0]
    not_pdf = secretariat.post(
        form.get("action"), data={"_authenticator": token(tree)}, files={"file": ("a.txt", b"hello", "text/plain")}
    )
    assert "L'acte signé doit être un fichier PDF." in words(page(not_pdf))
    done = secretariat.post(
        form.get("action"),
        data={"_authenticator": token(tree)},
        files={"file": ("acte.pdf", blank_pdf(), "application/pdf")},
    )
    tree = page(done)
    assert "Acte signé joint." in words(tree)
    assert f"Acte signé n° {adopted_act.number}" in words(tree.xpath('//section[@id="signed-act"]')[0])
    assert tree.xpath('//section[@id="actes-package"]//a[contains(@href, "@@actes-package")]')  # now ready
    transaction.begin()
    assert adopted_act["acte-signe"].document_type == "acte"


def test_the_adopted_text_stays_closed_to_the_secretariat(adopted_act, request_factory, html_browser):  # noqa: F811
    rest = request_factory(basic_auth=("secretaire", "secret-1234"))
    signed = {"data": base64.b64encode(blank_pdf()).decode(), "filename": "acte.pdf"}
    response = rest.post(f"{URL}/@signed-act", json={"file": signed})
    assert response.status_code == 201 and response.json()["signed_act"].endswith("/acte-signe")
    assert rest.patch(URL, json={"title": "Autre objet"}).status_code in (401, 403)
    html = html_browser("secretaire")
    assert denied(html.get(f"{URL}/edit"))
    transaction.begin()
    assert adopted_act.Title() == "Budget primitif"


def test_who_may_not_attach_it(adopted_act, request_factory, portal=None):  # noqa: F811
    signed = {"data": base64.b64encode(blank_pdf()).decode(), "filename": "acte.pdf"}
    official = request_factory(basic_auth=("elu", "secret-1234"))
    assert official.post(f"{URL}/@signed-act", json={"file": signed}).status_code in (401, 403)
    assert request_factory().post(f"{URL}/@signed-act", json={"file": signed}).status_code in (401, 403)
    # before the vote: the draft belongs to its service; the secretariat has no such permission there
    secretariat = request_factory(basic_auth=("secretaire", "secret-1234"))
    assert secretariat.post("finances/subvention/@signed-act", json={"file": signed}).status_code in (401, 403)
    transaction.begin()
    assert "acte-signe" not in adopted_act.getParentNode()["subvention"].objectIds()
    assert api.content.get_state(adopted_act.getParentNode()["subvention"]) == "scheduled"
