"""Convening is refused, in French, while something the law requires is missing; a Manager may override."""

from collective.deliberations.convocation.checks import jours_francs
from collective.deliberations.convocation.storage import get_convocation
from content.conftest import do
from content.conftest import World
from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


@pytest.fixture
def world(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    world = World(portal)
    world.schedule(world.validated())
    return world


def convene(session, user="secretaire", **kwargs):
    with api.env.adopt_user(username=user):
        do(session, "convene", **kwargs)


def test_jours_francs_count_neither_the_sending_day_nor_the_session_day():
    friday = date(2026, 3, 20)
    assert jours_francs(date(2026, 3, 16), friday) == 3  # Monday: the last day for 3 jours francs
    assert jours_francs(date(2026, 3, 14), friday) == 5  # Saturday: the last day for 5
    assert jours_francs(date(2026, 3, 17), friday) == 2


def test_too_late_for_the_legal_delay(world):
    world.session.start = datetime.now() + timedelta(days=3)  # 2 jours francs; 3 required (commune < 3,500)
    with pytest.raises(
        WorkflowException, match="3 jours francs avant la séance : envoyée aujourd'hui, elle en laisse 2"
    ):
        convene(world.session)
    assert api.content.get_state(world.session) == "planned"
    world.session.start = datetime.now() + timedelta(days=4)
    convene(world.session)
    assert api.content.get_state(world.session) == "convened"


def test_five_jours_francs_and_a_summary_note_from_3500_inhabitants(world):
    api.portal.set_registry_record("collective.deliberations.collectivite.population", 5000)
    world.session.start = datetime.now() + timedelta(days=6)
    with pytest.raises(WorkflowException) as refused:
        convene(world.session)
    assert "note explicative de synthèse doit accompagner" in str(refused.value)
    assert "jours francs" not in str(refused.value)  # 5 jours francs are there
    world.session.start = datetime.now() + timedelta(days=5)
    with api.env.adopt_user(username="secretaire"):
        api.content.create(
            world.session, "File", title="Note de synthèse", document_type="note_synthese",
            file=NamedBlobFile(b"%PDF-1.4 note", filename="note.pdf"),
        )  # fmt: skip
    with pytest.raises(WorkflowException, match="5 jours francs"):
        convene(world.session)
    world.session.start = datetime.now() + timedelta(days=6)
    convene(world.session)
    assert api.content.get_state(world.session) == "convened"


def test_urgency_needs_one_jour_franc_and_a_justification(world):
    world.session.session_kind = "urgence"
    world.session.start = datetime.now() + timedelta(days=2)
    with pytest.raises(WorkflowException, match="justification de l'urgence"):
        convene(world.session)
    convene(world.session, comment="Délai de dépôt du dossier DETR au 15")
    assert get_convocation(world.session).urgency_reason == "Délai de dépôt du dossier DETR au 15"
    assert world.session.workflow_history["session_workflow"][-1]["comments"] == "Délai de dépôt du dossier DETR au 15"


def test_empty_agenda_and_body_without_members(world):
    meeting = api.content.create(world.portal, "Assembly", id="bureau", title="Bureau", body_kind="bureau")
    session = api.content.create(meeting, "Session", id="s", title="Bureau", start=world.session.start)
    with pytest.raises(WorkflowException) as refused:
        convene(session)
    assert "L'ordre du jour est vide" in str(refused.value)
    assert "Bureau n'a aucun membre en fonction" in str(refused.value)


def test_only_a_manager_overrides_with_a_recorded_reason(world):
    world.session.start = datetime.now() + timedelta(days=1)
    with pytest.raises(WorkflowException, match="jours francs"):
        convene(world.session, override_reason="Je passe outre")  # the secretariat may not
    with pytest.raises(WorkflowException, match="jours francs"):
        convene(world.session, user=TEST_USER_NAME)  # a Manager without a reason neither
    convene(world.session, user=TEST_USER_NAME, override_reason="Séance reportée d'office par le préfet")
    override = get_convocation(world.session).override
    assert override["by"] == TEST_USER_ID and override["reason"] == "Séance reportée d'office par le préfet"
    assert "jours francs" in override["missing"][0]
