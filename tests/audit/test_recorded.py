"""Who did what is recorded: a transition by the secretariat, a sharing by a Manager, a vote, a legal hold, an
elimination step, a confidential download by an élu (issue 13, finding 15)."""

from .conftest import audit
from .conftest import call
from collective.deliberations_demo.pdf import pdf_file
from plone import api
from seance.conftest import Seance

import pytest
import transaction


@pytest.fixture
def held(functional_portal):
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    seance = Seance(functional_portal)
    transaction.commit()
    return seance


def path(obj):
    return "/".join(obj.getPhysicalPath())


def test_transition_by_the_secretariat(held):
    deliberation = held.deliberations[2]
    response = call("POST", f"{deliberation.absolute_url()}/@workflow/postpone", "secretaire")
    assert response.status_code == 200, response.text
    entries = audit(held.portal, action="transition", user="secretaire", path=deliberation.getId())
    entry = next(e for e in entries if e["details"]["transition"] == "postpone")
    assert (entry["fullname"], entry["path"], entry["uid"], entry["title"]) == (
        "Secrétaire",
        path(deliberation),
        deliberation.UID(),
        "Subvention",
    )
    assert (entry["details"]["from"], entry["details"]["to"]) == ("scheduled", "validated")
    assert entry["label"] == "Transition du circuit"
    assert entry["ip"] == "127.0.0.1"


def test_sharing_by_a_manager(held):
    deliberation = held.deliberations[0]
    body = {"entries": [{"id": "elu2", "type": "user", "roles": {"Reader": True}}]}
    response = call("POST", f"{deliberation.absolute_url()}/@sharing", json=body)
    assert response.status_code == 204, response.text
    [entry] = audit(held.portal, action="sharing")
    assert (entry["user"], entry["path"]) == ("admin", path(deliberation))
    assert entry["details"]["elu2"] == "Reader"


def test_a_vote(held):
    held.everyone_present()
    transaction.commit()
    item = held.items[0]
    response = call("POST", f"{item.absolute_url()}/@vote", "secretaire", json={"mode": "unanimity"})
    assert response.status_code == 201, response.text
    [entry] = audit(held.portal, action="vote")
    assert (entry["user"], entry["path"], entry["label"]) == (
        "secretaire",
        path(held.deliberations[0]),
        "Vote enregistré",
    )
    assert entry["details"]["adopted"] is True and entry["details"]["pour"] == 7
    assert audit(held.portal, action="roll_call")[0]["user"] == "secretaire"


def confidential_document(container, confidential=True):
    with api.env.adopt_user(username="secretaire"):
        document = api.content.create(
            container,
            "File",
            title="Situation personnelle" if confidential else "Note publique",
            document_type="annexe",
            confidential=confidential,
            file=pdf_file("note.pdf", "Note", ["Texte."]),
        )
    transaction.commit()
    return document


def test_a_confidential_download_by_an_elu(held):
    secret = confidential_document(held.session)
    public = confidential_document(held.session, confidential=False)
    assert api.content.get_state(secret) == "confidential"
    for document in (secret, public):
        response = call("GET", f"{document.absolute_url()}/@@download/file", "elu", headers={"Accept": "*/*"})
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
    [entry] = audit(held.portal, action="confidential_download")
    assert (entry["user"], entry["fullname"], entry["path"]) == (
        "elu",
        "Élu du conseil et de la commission",
        path(secret),
    )
    assert entry["details"]["view"] == "download" and entry["label"] == "Document confidentiel téléchargé"
    response = call("GET", f"{held.session.absolute_url()}/@@dossier.zip", "elu", headers={"Accept": "*/*"})
    assert response.status_code == 200 and response.content.startswith(b"PK")
    [dossier] = audit(held.portal, action="confidential_dossier_download")
    assert (dossier["user"], dossier["path"], dossier["details"]["view"]) == ("elu", path(held.session), "dossier.zip")


def test_a_document_shared_with_the_body(held):
    document = confidential_document(held.session, confidential=False)
    body = {"body": held.council.UID(), "shared": True}
    response = call("POST", f"{document.absolute_url()}/@share", "secretaire", json=body)
    assert response.status_code == 200, response.text
    [entry] = audit(held.portal, action="document_share")
    assert (entry["user"], entry["path"], entry["details"]["body"]) == (
        "secretaire",
        path(document),
        "Conseil communautaire",
    )


def test_a_legal_hold_and_an_elimination_step(functional_archives):
    site = functional_archives
    response = call("POST", f"{site.budget.absolute_url()}/@legal-hold", "archiviste", json={"reason": "Recours"})
    assert response.status_code == 200, response.text
    [hold] = audit(site.portal, action="hold")
    assert (hold["user"], hold["path"], hold["uid"]) == ("archiviste", path(site.budget), site.budget.UID())
    assert hold["details"]["detail"] == "Recours" and hold["label"] == "Gel juridique posé"
    rules = {"rules": {"deliberations": {"final_action": "D"}}}
    assert call("PATCH", f"{site.portal.absolute_url()}/@retention-schedule", "archiviste", json=rules).ok
    body = {"records": [site.subvention.UID()], "title": "Subventions 2024"}
    response = call("POST", f"{site.portal.absolute_url()}/@eliminations", "archiviste", json=body)
    assert response.status_code == 201, response.text
    [proposed] = audit(site.portal, action="elimination_proposed")
    assert (proposed["user"], proposed["path"]) == ("archiviste", response.json()["id"])
    assert path(site.subvention) in proposed["details"]["detail"]


def test_a_sip_downloaded_by_the_archivist(functional_archives):
    site = functional_archives
    response = call("GET", f"{site.old.absolute_url()}/@sip", "archiviste")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/zip"
    [entry] = audit(site.portal, action="sip_export")
    assert (entry["user"], entry["path"], entry["label"]) == ("archiviste", path(site.old), "Paquet SIP téléchargé")
    assert entry["details"]["sha512"] == response.headers["X-SIP-SHA512"]
