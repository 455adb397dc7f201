"""The archivist's Classic UI pages over HTTP, in French: schedule, dashboard, legal hold, transfer."""

from lxml import html

import pytest
import requests


def browser(user="archiviste"):
    session = requests.Session()
    if user:
        session.auth = (user, "secret-1234")
    session.headers["Accept-Language"] = "fr"
    return session


def page(response):
    assert response.status_code == 200, response.text[:300]
    return html.fromstring(response.text)


def token(doc):
    return doc.xpath("//input[@name='_authenticator']/@value")[0]


@pytest.fixture
def site(functional_archives):
    return functional_archives


def test_schedule_page_refuses_a_wrong_row_and_keeps_the_input(site):
    archivist = browser()
    url = f"{site.portal.absolute_url()}/@@retention-schedule"
    doc = page(archivist.get(url))
    assert doc.xpath("//h1/text()")[0].strip() == "Tableau de gestion"
    assert len(doc.xpath("//fieldset")) == 7
    assert doc.xpath("//fieldset[1]//input[@name='deliberations.dua_years']/@value") == ["1"]
    assert len(doc.xpath("//span[contains(@class,'text-bg-warning')][normalize-space()='à confirmer']")) == 6
    form = dict(next(f for f in doc.forms if f.action.endswith("@@retention-schedule")).form_values())
    form.update({"minutes.dua_years": "cinq", "convocations.dua_years": "4", "save": "1"})
    doc = page(archivist.post(url, data=form))
    assert "La DUA est un nombre entier d'années entre 0 et 200." in doc.text_content()
    assert doc.xpath("//input[@name='minutes.dua_years']/@value") == ["cinq"]  # nothing typed is lost
    assert doc.xpath("//input[@name='convocations.dua_years']/@value") == ["4"]
    form.update({"minutes.dua_years": "5", "_authenticator": token(doc)})
    doc = page(archivist.post(url, data=form))
    assert "Tableau de gestion enregistré." in doc.text_content()
    assert doc.xpath("//input[@name='minutes.dua_years']/@value") == ["5"]
    for client in (browser("secretaire"), browser("elu"), requests.Session()):
        refused = client.get(url, allow_redirects=False, timeout=30)
        assert refused.status_code in (302, 401, 403) and "Tableau de gestion" not in refused.text
        if refused.status_code == 302:
            assert "require_login" in refused.headers["Location"]


def test_dashboard_hold_and_transfer_pages(site, seda_schemas, vault):
    archivist = browser()
    dashboard = f"{site.portal.absolute_url()}/@@archives-dashboard"
    doc = page(archivist.get(dashboard, params={"start": "2025-01-01", "end": "2025-12-31"}))
    assert doc.xpath("//section[@id='final-C']//tr/td[2]/a/text()") == [
        "Budget primitif 2024",
        "Subvention au club de rugby",
    ]
    hold_url = f"{site.old.absolute_url()}/@@legal-hold"
    doc = page(archivist.get(hold_url))
    doc = page(
        archivist.post(hold_url, data={"_authenticator": token(doc), "reason": "Contrôle de la CRC", "hold": "1"})
    )
    assert "Gel juridique enregistré." in doc.text_content()
    doc = page(archivist.get(dashboard, params={"start": "2025-01-01", "end": "2025-12-31"}))
    assert doc.xpath("//section[@id='final-C']//span[contains(@class,'text-bg-danger')]/@title") == [
        "Contrôle de la CRC",
        "Contrôle de la CRC",
    ]  # a session's hold keeps its deliberations
    transfer_url = f"{site.old.absolute_url()}/@@archives-transfer"
    doc = page(archivist.get(transfer_url))
    assert "Sous gel juridique : il ne peut pas être versé." in doc.text_content()
    assert not doc.xpath("//button[@name='transfer']")
    doc = page(archivist.get(hold_url))
    page(archivist.post(hold_url, data={"_authenticator": token(doc), "lift": "1"}))
    doc = page(archivist.get(transfer_url))
    doc = page(archivist.post(transfer_url, data={"_authenticator": token(doc), "transfer": "1"}))
    assert "Versé : SIP-200067106-" in doc.text_content()
    assert len(list(vault.glob("*.zip"))) == 1
