"""The archivist's REST services refuse bad input with a 400 in French, never a 500, and save nothing of it;
an elimination's visa is a PDF, dated today or before, recorded by someone else than the proposer."""

from .test_rest import call
from collective.deliberations.archives.elimination import eliminations
from plone import api

import pytest
import transaction


@pytest.fixture
def site(functional_archives):
    url = f"{functional_archives.portal.absolute_url()}/@retention-schedule"
    assert call("PATCH", url, json={"rules": {"deliberations": {"final_action": "D"}}}).status_code == 200
    return functional_archives


def message(response):
    body = response.json()
    return body["error"]["message"] if "error" in body else body["message"]


def french(response):
    return any(
        mark in message(response) for mark in ("é", "è", "ê", "à", " doit ", " pas ", " un ", " une ", " le ", " la ")
    )


@pytest.mark.parametrize(
    "body",
    [
        "{pas du json",
        '["rules"]',
        '{"rules": {"minutes": 5}}',
        '{"rules": {"minutes": ["title"]}}',
        '{"rules": {"minutes": {"title": ["Procès-verbaux"]}}}',
        '{"rules": {"minutes": {"legal_basis": 12}}}',
        '{"rules": {"minutes": {"appraisal_rule": {"code": "APP"}}}}',
        '{"rules": {"minutes": {"confirmed": "non"}}}',
    ],
)
def test_schedule_refuses_wrong_types(site, body):
    url = f"{site.portal.absolute_url()}/@retention-schedule"
    before = call("GET", url).json()["rules"]
    response = call("PATCH", url, data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text[:500]
    assert french(response), response.text[:500]
    assert call("GET", url).json()["rules"] == before


@pytest.mark.parametrize(
    "body,expected",
    [
        ("{pas du json", "JSON"),
        ('{"records": [123, null, {}]}', "records doit être une liste de textes"),
        ('{"records": "uid"}', "records doit être une liste de textes"),
        ('{"personal": [[]]}', "personal doit être une liste de textes"),
        ('{"records": [], "title": ["Budgets"]}', "title doit être un texte"),
    ],
)
def test_elimination_proposal_refuses_wrong_types(site, body, expected):
    url = f"{site.portal.absolute_url()}/@eliminations"
    response = call("POST", url, data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text[:500]
    assert french(response), response.text[:500]
    assert expected in message(response)
    transaction.begin()
    assert len(eliminations()) == 0


@pytest.mark.parametrize(
    "body,expected",
    [
        ('{"sessions": "uid"}', "sessions doit être une liste de textes"),
        ('{"records": [{}]}', "records doit être une liste de textes"),
        ('[{"sessions": []}]', "n'est pas un objet JSON"),
    ],
)
def test_transfer_refuses_wrong_types(site, vault, body, expected):
    url = f"{site.portal.absolute_url()}/@transfer"
    response = call("POST", url, data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text[:500]
    assert expected in message(response)
    assert list(vault.iterdir()) == []


VISA = {"authority": "Archives départementales de l'Hérault", "date": "2026-10-01", "reference": "V-2026-117"}


@pytest.fixture
def proposal(site):
    uid = call("GET", site.budget.absolute_url(), "admin").json()["UID"]
    response = call("POST", f"{site.portal.absolute_url()}/@eliminations", json={"records": [uid]})
    assert response.status_code == 201, response.text
    return f"{site.portal.absolute_url()}/@eliminations/{response.json()['id']}"


def pdf_of(proposal):
    return call("GET", f"{proposal}/bordereau").content


@pytest.mark.parametrize(
    "user,fields,upload,expected",
    [
        ("archiviste2", {}, ("visa.exe", b"MZ\x90\x00 not a PDF", "application/pdf"), "PDF"),
        ("archiviste2", {}, ("visa.pdf", b"<html>faux</html>", "application/pdf"), "PDF"),
        ("archiviste2", {"date": "2099-01-01"}, None, "futur"),
        ("archiviste2", {"date": "01/10/2026"}, None, "AAAA-MM-JJ"),
        ("archiviste", {}, None, "proposé"),
    ],
)
def test_visa_refused(site, proposal, user, fields, upload, expected):
    files = {"file": upload or ("visa-signe.pdf", pdf_of(proposal), "application/pdf")}
    response = call("POST", f"{proposal}/visa", user, data={**VISA, **fields}, files=files)
    assert response.status_code == 400, response.text[:500]
    assert expected in response.json()["error"]["message"]
    assert call("GET", proposal).json()["status"] == "proposed"


def test_visa_recorded_by_another_archivist(site, proposal):
    files = {"file": ("visa-signe.pdf", pdf_of(proposal), "application/pdf")}
    response = call("POST", f"{proposal}/visa", "archiviste2", data=VISA, files=files)
    assert response.status_code == 200, response.text[:500]
    assert (response.json()["status"], response.json()["visa"]["user"]) == ("visaed", "archiviste2")
    transaction.begin()
    assert api.portal.get() is not None
