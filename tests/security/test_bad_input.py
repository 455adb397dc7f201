"""Bad input gets a 4xx with a French message, never a 500, and a value of the wrong type is never saved."""

from collective.deliberations_demo.pdf import pdf_file
from content.conftest import World
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue

import pytest
import requests
import transaction


NOT_JSON = "Le corps de la requête n'est pas un objet JSON."
FRENCH = ("é", "è", "à", " le ", " la ", " les ", " un ", " une ", " est ", " doit ", " pas ")


def french(message):
    return any(word in f" {message} " for word in FRENCH)


def message_of(response):
    """The message of a refusal: ours ({"error": {...}}) or plone.rest's ({"type", "message"})."""
    body = response.json()
    return body["error"]["message"] if "error" in body else body["message"]


def call(method, url, user="admin", **kwargs):
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD) if user == "admin" else (user and (user, "secret-1234"))
    headers = {"Accept": "application/json", "Accept-Language": "fr", **kwargs.pop("headers", {})}
    return requests.request(method, url, auth=auth, headers=headers, timeout=120, **kwargs)


@pytest.fixture
def site(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    world.deliberation = world.draft(
        "Budget primitif", expose=RichTextValue("<p>Exposé.</p>", "text/html", "text/x-html-safe")
    )
    world.annexe = api.content.create(
        world.deliberation, "File", id="annexe", title="Annexe", file=pdf_file("annexe.pdf", "Annexe", ["Texte."])
    )
    transaction.commit()
    return world


@pytest.mark.parametrize("page", ["@@actes", "@@recherche?q=budget&", "@@seances-publiques"])
@pytest.mark.parametrize("start", ["abc", "-3", "1e9", "١"])
def test_garbage_paging_is_the_first_page(site, page, start):
    separator = "" if page.endswith("&") else "?"
    response = requests.get(f"{site.portal.absolute_url()}/{page}{separator}b_start={start}", timeout=60)
    assert response.status_code == 200, response.text[:300]


@pytest.mark.parametrize("body", ["{pas du json", '[{"@type": "Deliberation"}]'])
def test_invalid_json_to_create_content(site, body):
    response = call("POST", site.finances.absolute_url(), data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text[:300]
    assert response.json()["error"]["message"] == NOT_JSON


@pytest.mark.parametrize("body", ["{pas du json", '["title"]', '"Budget"'])
def test_invalid_json_to_update_content(site, body):
    url = site.deliberation.absolute_url()
    response = call("PATCH", url, data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text[:300]
    assert response.json()["error"]["message"] == NOT_JSON


@pytest.mark.parametrize("data", [123, None, ["<p>x</p>"], {"html": "x"}])
def test_rich_text_of_the_wrong_type_refused(site, data):
    url = site.deliberation.absolute_url()
    response = call("PATCH", url, json={"expose": {"data": data, "content-type": "text/html"}})
    assert response.status_code == 400, response.text[:300]
    assert french(message_of(response)), response.text
    transaction.begin()
    assert site.deliberation.expose.raw == "<p>Exposé.</p>"


@pytest.mark.parametrize("value", ["oui", "non", 1, "true", [True], {}])
def test_a_flag_is_a_boolean(site, value):
    response = call("PATCH", site.annexe.absolute_url(), json={"confidential": value})
    assert response.status_code == 400, response.text[:300]
    assert french(message_of(response)), response.text
    transaction.begin()
    assert site.annexe.confidential is False
    assert api.content.get_state(site.annexe) == "publishable"


def test_a_flag_set_with_a_boolean(site):
    response = call("PATCH", site.annexe.absolute_url(), json={"confidential": True})
    assert response.status_code == 204, response.text[:300]
    transaction.begin()
    assert site.annexe.confidential is True


def test_registry_readable_by_the_administrator(site):
    response = call("GET", f"{site.portal.absolute_url()}/@registry")
    assert response.status_code == 200, response.text[-3000:]


@pytest.mark.parametrize(
    "field,value,expected",
    [
        ("siren", "12345", "Un numéro SIREN compte exactement 9 chiffres."),
        ("numbering_pattern", "{year}-{seq:03d}", "Ce modèle donne 2026-001 : @ctes accepte au plus 15 caractères"),
    ],
)
def test_control_panel_refusals_in_french(site, field, value, expected):
    response = call("PATCH", f"{site.portal.absolute_url()}/@controlpanels/collectivite", json={field: value})
    assert response.status_code == 400
    assert expected in message_of(response), response.text


@pytest.mark.parametrize("year", ["abc", "2026.5", "٢٠٢٦", "99999"])
def test_register_year_that_is_no_year(site, year):
    response = requests.get(
        f"{site.portal.absolute_url()}/@@registre",
        params={"year": year},
        auth=("secretaire", "secret-1234"),
        headers={"Accept-Language": "fr"},
        timeout=60,
    )
    assert response.status_code == 400, response.text[:300]
    assert response.text == "L'année s'écrit en chiffres, par exemple 2026."


@pytest.mark.parametrize("page", ["@@actes", "@@recherche", "@@seances-publiques"])
@pytest.mark.parametrize(
    "query",
    [
        "q=budget&q=voirie",
        "b_start=0&b_start=10",
        "du=2024-01-01&du=2025-01-01",
        "du=hier&au=2024-13-45",
        "matiere=7&matiere=8&nature=1&nature=2",
        "seance=x&seance=y",
        "q:list=budget",
        "q:record=budget",
    ],
)
def test_repeated_or_odd_filters_are_no_500(site, page, query):
    response = requests.get(f"{site.portal.absolute_url()}/{page}?{query}", timeout=60)
    assert response.status_code in (200, 400), response.text[:300]


@pytest.mark.parametrize("query", ["page=abc", "page=1&page=2", "q=a&q=b", "page:list=1"])
def test_viewer_odd_parameters_are_no_500(site, query):
    response = call("GET", f"{site.annexe.absolute_url()}/@@viewer?{query}", headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text[:300]
