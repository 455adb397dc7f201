"""Elimination with visa, through REST on a real server: proposal and bordereau, visa, hold, run, tombstone."""

from .test_rest import call
from pypdf import PdfReader

import io
import pytest


@pytest.fixture
def site(functional_archives):
    url = f"{functional_archives.portal.absolute_url()}/@retention-schedule"
    response = call("PATCH", url, json={"rules": {"deliberations": {"final_action": "D"}}})
    assert response.status_code == 200
    return functional_archives


def test_elimination_needs_a_visa_and_leaves_a_tombstone(site):
    base = f"{site.portal.absolute_url()}/@eliminations"
    uids = [call("GET", site.budget.absolute_url(), "admin").json()["UID"]]
    response = call("POST", base, json={"records": uids, "title": "Budgets 2024"})
    assert response.status_code == 201, response.text
    proposal = response.json()
    assert [(r["title"], r["dua_end"], r["final_action"]) for r in proposal["records"]] == [
        ("Budget primitif 2024", "2025-03-12", "D")
    ]
    assert proposal["records"][0]["documents"][0]["title"] == "Annexe de Budget primitif 2024"
    pdf = call("GET", f"{base}/{proposal['id']}/bordereau")
    assert pdf.headers["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Budget primitif 2024" in text and "Annexe de Budget primitif 2024" in text and "2025-03-12" in text

    refused = call("POST", f"{base}/{proposal['id']}/run")
    assert refused.status_code == 400
    assert refused.json()["error"]["message"] == "Sans le visa de l'administration des archives, rien n'est détruit."
    incomplete = call("POST", f"{base}/{proposal['id']}/visa", data={"authority": "AD 34"})
    assert incomplete.json()["error"]["message"].startswith("Un visa demande l'autorité")

    visa = {"authority": "Archives départementales de l'Hérault", "date": "2026-10-01", "reference": "V-2026-117"}
    signed = {"file": ("visa-signe.pdf", pdf.content, "application/pdf")}
    response = call("POST", f"{base}/{proposal['id']}/visa", "archiviste2", data=visa, files=signed)  # not the proposer
    assert response.json()["status"] == "visaed"
    assert response.json()["visa"]["reference"] == "V-2026-117"

    # a legal hold placed after the visa still stops the run
    call("POST", f"{site.budget.absolute_url()}/@legal-hold", json={"reason": "Recours"})
    refused = call("POST", f"{base}/{proposal['id']}/run")
    assert refused.json()["error"]["message"].startswith("Budget primitif 2024 est sous gel juridique")
    assert call("GET", f"{site.budget.absolute_url()}/annexe", "admin").status_code == 200
    call("DELETE", f"{site.budget.absolute_url()}/@legal-hold")

    response = call("POST", f"{base}/{proposal['id']}/run")
    assert response.json()["status"] == "done", response.text
    tombstone = call("GET", site.budget.absolute_url(), "admin").json()
    assert tombstone["title"] == "Budget primitif 2024" and tombstone["items"] == []
    assert call("GET", f"{site.budget.absolute_url()}/annexe", "admin").status_code == 404
    assert call("GET", f"{base}/{proposal['id']}/bordereau").status_code == 200  # kept forever
    assert call("POST", f"{base}/{proposal['id']}/cancel").status_code == 400
    actions = [entry["action"] for entry in call("GET", f"{site.portal.absolute_url()}/@retention-log").json()["items"]]
    assert actions[:6] == [
        "elimination_run",
        "lift_hold",
        "hold",
        "elimination_visa",
        "elimination_proposed",
        "schedule",
    ]
    # the session's other act is untouched
    assert call("GET", f"{site.subvention.absolute_url()}/annexe", "admin").status_code == 200


def test_cancel_and_refusals(site):
    base = f"{site.portal.absolute_url()}/@eliminations"
    uid = call("GET", site.subvention.absolute_url(), "admin").json()["UID"]
    proposal = call("POST", base, json={"records": [uid]}).json()
    assert call("POST", f"{base}/{proposal['id']}/cancel").json()["status"] == "cancelled"
    assert call("POST", f"{base}/{proposal['id']}/run").status_code == 400
    assert call("GET", f"{site.subvention.absolute_url()}/annexe", "admin").status_code == 200
    session_uid = call("GET", site.old.absolute_url(), "admin").json()["UID"]
    refused = call("POST", base, json={"records": [session_uid]})
    assert refused.json()["error"]["message"] == ("Conseil communautaire : son sort final est T, pas D (destruction).")
    assert call("POST", base, "secretaire", json={"records": [uid]}).status_code in (401, 403)
    assert requests_anonymous(base).status_code == 401


def requests_anonymous(url):
    return call("GET", url, None)
