"""The "Collectivité" control panel, used as a person (HTML form) and as a program (plone.restapi)."""

from collective.deliberations.collectivite import convocation_jours_francs
from collective.deliberations.collectivite import get_settings
from collective.deliberations.controlpanels.collectivite import format_act_number
from plone import api

import pytest
import re
import transaction


PANEL = "@@collectivite-controlpanel"


def form_fields(html):
    """The values a browser would send back from the panel's form."""
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    fields.update(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', html))
    fields.update(
        {
            "form.widgets.name": "Commune de Testville",
            "form.widgets.kind:list": "commune",
            "form.widgets.population": "1200",
            "form.widgets.siren": "200000172",
            "form.widgets.departement": "34",
            "form.widgets.numbering_pattern": "{year}_{seq:04d}",
            "form.buttons.save": "Enregistrer",
        }
    )
    return fields


@pytest.fixture
def browser(request_factory):
    return request_factory(role="Manager", api=False)


def test_panel_in_french(browser):
    html = browser.get(PANEL).text
    assert "Nom de la collectivité" in html
    assert "Modèle de numérotation des actes" in html
    assert "Date de la version de la classification (@ctes)" in html and "1:99_DE" in html


def test_save(browser, functional_portal):
    response = browser.post(PANEL, data=form_fields(browser.get(PANEL).text))
    assert response.status_code == 200
    assert "Modifications sauvegardées" in response.text
    transaction.begin()
    settings = get_settings()
    assert (settings.name, settings.population, settings.siren) == ("Commune de Testville", 1200, "200000172")
    assert convocation_jours_francs(settings) == 3


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("form.widgets.siren", "200000173", "clé de contrôle"),
        ("form.widgets.siren", "12345", "exactement 9 chiffres"),
        ("form.widgets.departement", "99", "Un code de département"),
        ("form.widgets.numbering_pattern", "{year}-{seq:03d}", "Ce modèle donne 2026-001"),
        ("form.widgets.numbering_pattern", "DEL{year}", "utilise {seq}"),
    ],
)
def test_wrong_input_explained_and_nothing_saved(browser, field, value, message):
    fields = form_fields(browser.get(PANEL).text)
    fields[field] = value
    response = browser.post(PANEL, data=fields)
    assert message in response.text
    transaction.begin()
    assert get_settings().name != "Commune de Testville"


def test_agent_cannot_open_the_panel(request_factory, functional_portal):
    api.user.create(email="agent@example.org", username="agent", password="secret-agent-1")
    transaction.commit()
    agent = request_factory(basic_auth=("agent", "secret-agent-1"), api=False)
    response = agent.get(PANEL, allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    assert "Nom de la collectivité" not in response.text


def test_rest_api(manager_request, anon_request):
    assert manager_request.get("/@controlpanels/collectivite").json()["data"]["numbering_pattern"] == (
        "DEL{year}_{seq:03d}"
    )
    refused = manager_request.patch("/@controlpanels/collectivite", json={"siren": "200000173"})
    assert refused.status_code == 400
    accepted = manager_request.patch("/@controlpanels/collectivite", json={"siren": "200000172", "population": 4000})
    assert accepted.status_code == 204
    assert manager_request.get("/@controlpanels/collectivite").json()["data"]["siren"] == "200000172"
    assert anon_request.get("/@controlpanels/collectivite").status_code == 401


@pytest.mark.parametrize(
    "kind,population,epci_with_large_commune,days",
    [
        ("commune", 3499, False, 3),
        ("commune", 3500, False, 5),
        ("commune", 120000, False, 5),
        ("epci", 2000, True, 5),
        ("epci", 50000, False, 3),
    ],
)
def test_jours_francs_regime(portal, kind, population, epci_with_large_commune, days):
    settings = get_settings()
    settings.kind, settings.population = kind, population
    settings.epci_with_large_commune = epci_with_large_commune
    assert convocation_jours_francs(settings) == days


def test_act_number():
    assert format_act_number("DEL{year}_{seq:03d}", 2026, 42) == "DEL2026_042"
