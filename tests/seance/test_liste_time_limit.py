"""LibreOffice over its time limit while making the liste des délibérations: a French refusal that keeps nothing,
not a 500 in English (real LibreOffice, its limit brought down to 0.05 s)."""

from collective.deliberations.seance.votes import record_vote
from plone import api

import requests
import transaction


def test_liste_over_libreoffice_time_is_told_in_french(held, monkeypatch):
    from collective.deliberations.documents import office

    held.everyone_present()
    with api.env.adopt_user(username="secretaire"):
        record_vote(held.items[0], "unanimity")
    transaction.commit()
    before = set(held.session.objectIds())
    monkeypatch.setattr(office, "DEFAULT_TIMEOUT", 0.05)
    response = requests.post(
        f"{held.session.absolute_url()}/@liste-deliberations",
        auth=("secretaire", "secret-1234"),
        headers={"Accept": "application/json", "Content-Type": "application/json", "Accept-Language": "fr"},
        data="{}",
        timeout=120,
    )
    assert response.status_code == 503, response.text[:500]
    assert response.json()["error"]["message"] == "LibreOffice n'a pas fini en 0.05 s."
    transaction.begin()
    assert set(held.session.objectIds()) == before
