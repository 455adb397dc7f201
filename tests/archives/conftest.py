"""A closed council session with decided acts and their documents, as the archivist finds it years later."""

from collective.deliberations.security import force_transition
from collective.deliberations_demo.pdf import pdf_file
from content.conftest import World
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import os
import pytest


SEDA_22 = Path(__file__).resolve().parents[3] / "shared" / "seda" / "2.2"
SCHEMA_ABSENT = (
    f"THE OFFICIAL SEDA 2.2 SCHEMAS ARE ABSENT ({SEDA_22}/seda-2.2-main.xsd not found): the manifest is NOT validated"
    " against the XSD in this run, only structurally."
)


def schema_available():
    return (SEDA_22 / "seda-2.2-main.xsd").is_file()


@pytest.fixture
def seda_schemas(monkeypatch):
    """The official XSD directory, set through the environment as an instance would; skipped loudly when absent."""
    if not schema_available():
        pytest.skip(SCHEMA_ABSENT)
    monkeypatch.setenv("DELIBERATIONS_SEDA_SCHEMAS", str(SEDA_22))
    return SEDA_22


@pytest.fixture
def vault(tmp_path, monkeypatch):
    path = tmp_path / "vault"
    path.mkdir()
    monkeypatch.setenv("DELIBERATIONS_VAULT", str(path))
    return path


class Archives(World):
    """The World of tests/content, plus a séance held on 12 March 2024 and closed, with two decided acts."""

    def __init__(self, portal):
        super().__init__(portal)
        from collective.deliberations.collectivite import get_settings

        # a second archivist: the visa of an elimination is recorded by someone else than its proposer
        api.user.create(username="archiviste2", email="archiviste2@example.org", password="secret-1234")
        api.group.add_user(groupname="archivists", username="archiviste2")
        get_settings().siren = "200067106"
        get_settings().name = "Communauté de communes du Val d'Exemple"
        self.old = self.closed_session("seance-2024-03", datetime(2024, 3, 12, 18, 30))
        self.budget, self.subvention = self.old_acts

    def closed_session(self, session_id, start, titles=("Budget primitif 2024", "Subvention au club de rugby")):
        # convened ahead as the law wants, then dated back: a séance held years ago
        session = api.content.create(
            self.council,
            "Session",
            id=session_id,
            title="Conseil communautaire",
            start=datetime.now() + timedelta(days=30),
        )
        acts = [self.validated(title) for title in titles]
        for act in acts:
            self.schedule(act, session)
        force_transition(session, "convene")
        api.content.create(
            session,
            "File",
            id="convocation",
            title="Convocation",
            document_type="convocation",
            file=pdf_file("convocation.pdf", "Convocation", ["Ordre du jour."]),
        )
        for number, act in enumerate(acts, 1):
            act.number = f"DEL2024_{number:03d}"
            force_transition(act, "adopt")
            api.content.create(
                act,
                "File",
                id="annexe",
                title=f"Annexe de {act.Title()}",
                document_type="annexe",
                file=pdf_file("annexe.pdf", "Annexe", ["Tableau des crédits."]),
            )
        force_transition(session, "hold")
        force_transition(session, "close")
        session.start = start
        session.reindexObject()
        for act in acts:
            act.decision_date = start.date()
            act.reindexObject()
        self.old_acts = acts
        return session


@pytest.fixture
def archives(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return Archives(portal)


@pytest.fixture
def functional_archives(functional_portal):
    import transaction

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = Archives(functional_portal)
    transaction.commit()
    return world


def clean_env():
    return {k: v for k, v in os.environ.items() if not k.startswith("DELIBERATIONS_")}
