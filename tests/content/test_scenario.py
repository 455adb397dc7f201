"""A deliberation from the agent's draft to its publication, as each person involved meets it."""

from .conftest import can
from .conftest import do
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


def test_agent_sees_and_edits_own_service_drafts_only(world):
    draft = world.draft()
    assert can("agent", "Modify portal content", draft)
    assert not can("agent-urba", "View", draft)
    assert not can("secretaire", "View", draft)
    assert not can("elu", "View", draft)
    assert not can("valideur", "View", draft)


def test_groups_follow_services_and_memberships(world):
    council_group = f"members-{world.council.UID()}"
    assert {u.getId() for u in api.user.get_users(groupname=council_group)} == {"elu", "elu2"}
    membership = world.council["elu2"]
    api.content.delete(membership)
    assert {u.getId() for u in api.user.get_users(groupname=council_group)} == {"elu"}
    assert "agent" in [u.getId() for u in api.user.get_users(groupname=f"agents-{world.finances.UID()}")]


def test_deleting_a_body_or_a_service_removes_its_groups(world):
    commission_group = f"members-{world.commission.UID()}"
    agents, validators = f"agents-{world.urbanisme.UID()}", f"validators-{world.urbanisme.UID()}"
    assert api.group.get(groupname=commission_group) is not None
    api.content.delete(world.commission)
    api.content.delete(world.urbanisme)
    assert api.group.get(groupname=commission_group) is None
    assert api.group.get(groupname=agents) is None and api.group.get(groupname=validators) is None
    assert {u.getId() for u in api.user.get_users(groupname=f"members-{world.council.UID()}")} == {"elu", "elu2"}


def test_the_whole_site_can_be_deleted(world):
    app = world.portal.aq_parent
    app.manage_delObjects([world.portal.getId()])
    assert world.portal.getId() not in app.objectIds()


def test_validation_and_send_back_needs_a_comment(world):
    draft = world.draft()
    with api.env.adopt_user(username="agent"):
        api.content.transition(draft, "propose")
    assert not can("agent", "Modify portal content", draft)
    assert can("valideur", "Modify portal content", draft)
    assert can("secretaire", "View", draft)
    with api.env.adopt_user(username="valideur"), pytest.raises(WorkflowException, match="comment"):
        do(draft, "send_back_to_draft")
    with api.env.adopt_user(username="valideur"):
        api.content.transition(draft, "send_back_to_draft", comment="Chiffres à revoir")
    assert api.content.get_state(draft) == "draft"
    history = draft.workflow_history["deliberation_workflow"]
    assert history[-1]["comments"] == "Chiffres à revoir" and history[-1]["actor"] == "valideur"


def test_agenda_schedules_and_convening_opens_the_dossier(world):
    deliberation = world.validated()
    world.schedule(deliberation)
    assert api.content.get_state(deliberation) == "scheduled"
    assert deliberation.session_uid == world.session.UID()
    assert not can("elu", "View", deliberation)  # planned: not yet
    assert not can("elu", "View", world.session)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(world.session, "convene")
    assert can("elu", "View", deliberation)
    assert can("elu", "View", world.session)
    assert not can("elu", "Modify portal content", deliberation)
    assert can("secretaire", "Modify portal content", deliberation)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(deliberation, "adopt")
    assert not can("secretaire", "Modify portal content", deliberation)
    assert not can("secretaire", "Delete objects", deliberation)
    assert can("archiviste", "View", deliberation)
    assert not can("agent", "Delete objects", deliberation)
    assert api.user.has_permission("Anonymous", obj=world.session) is not None


def test_only_the_secretariat_records_outcomes(world):
    deliberation = world.validated()
    world.schedule(deliberation)
    for user_id in ("agent", "valideur", "elu"):
        with api.env.adopt_user(username=user_id), pytest.raises(WorkflowException, match="No workflow provides"):
            do(deliberation, "adopt")


def test_postponement_keeps_identity(world):
    deliberation = world.validated()
    uid, url = deliberation.UID(), deliberation.absolute_url()
    world.schedule(deliberation)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(world.session, "convene")
        api.content.transition(deliberation, "postpone")
    assert api.content.get_state(deliberation) == "validated"
    assert (deliberation.UID(), deliberation.absolute_url()) == (uid, url)
    assert world.session.agenda() == []
    assert deliberation.session_uid is None
    assert not can("elu", "View", deliberation)


def test_two_sessions_at_once_refused(world):
    from zope.interface import Invalid

    deliberation = world.validated()
    world.schedule(deliberation)
    other = api.content.create(world.council, "Session", id="autre", title="Autre", start=world.session.start)
    field = (
        __import__("collective.deliberations.content.agenda_item", fromlist=["IAgendaItem"])
        .IAgendaItem["deliberation"]
        .bind(other)
    )
    with pytest.raises(Invalid):
        field._validate(deliberation.UID())


def test_publication_and_individual_decisions(world):
    act = world.validated()
    individual = world.validated("Nomination", nature="3")
    world.schedule(act)
    world.schedule(individual)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(world.session, "convene")
        api.content.transition(act, "adopt")
        api.content.transition(individual, "adopt")
        api.content.transition(act, "publish")
        with pytest.raises(WorkflowException, match="notifi"):
            do(individual, "publish")
    anonymous_view = "Anonymous" in [r["name"] for r in act.rolesOfPermission("View") if r["selected"]]
    assert anonymous_view
    assert api.content.get_state(individual) == "adopted"


def test_commission_private(world):
    space = api.content.create(world.commission, "Folder", id="espace", title="Espace")
    note = api.content.create(space, "Document", id="note", title="Note")
    assert can("elu", "View", note)
    assert not can("elu2", "View", note)
    assert not can("elu2", "View", world.commission)
    assert can("secretaire", "View", note)
    session = api.content.create(world.commission, "Session", id="reunion", title="Réunion", start=world.session.start)
    world.information(session)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(session, "convene")
    assert can("elu", "View", session)
    assert not can("elu2", "View", session)
    assert "Anonymous" not in [r["name"] for r in session.rolesOfPermission("View") if r["selected"]]


def test_documents_follow_their_flags(world):
    from plone.namedfile.file import NamedBlobFile

    deliberation = world.validated()
    world.schedule(deliberation)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(world.session, "convene")

    def add(title, **flags):
        with api.env.adopt_user(username="secretaire"):
            return api.content.create(
                deliberation, "File", title=title, file=NamedBlobFile(b"data", filename=f"{title}.txt"), **flags
            )

    public = add("public")
    confidential = add("confidentiel", confidential=True)
    internal = add("interne", publishable=False)
    assert [api.content.get_state(d) for d in (public, confidential, internal)] == [
        "publishable",
        "confidential",
        "internal",
    ]
    assert can("elu", "View", public) and can("elu", "View", confidential)
    assert not can("elu", "View", internal)
    assert can("secretaire", "View", internal)


def test_memberships_follow_the_calendar(world, manager_sync=None):
    from datetime import date
    from datetime import timedelta

    membership = world.council["elu2"]
    membership.end = date.today() - timedelta(days=1)  # the seat ended yesterday; nobody edited it since
    world.information()
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(world.session, "convene")
    council_group = f"members-{world.council.UID()}"
    assert {u.getId() for u in api.user.get_users(groupname=council_group)} == {"elu"}
    assert can("elu", "View", world.session)


def test_huis_clos_session_is_never_public(world):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    world.information()
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(world.session, "convene")
    assert can("agent-urba", "View", world.session)  # public: anyone, anonymous included
    world.session.public = False
    notify(ObjectModifiedEvent(world.session))
    assert api.content.get_state(world.session) == "convened"
    assert not can("agent-urba", "View", world.session)
    assert can("elu", "View", world.session)
    assert [e["action"] for e in world.session.workflow_history["closed_session_workflow"]][-1] == "convene"


def test_commission_examines_a_validated_draft(world):
    """A commission's members read the drafts on its agenda once its session is convened; the council's don't."""
    deliberation = world.validated()
    meeting = api.content.create(world.commission, "Session", id="reunion", title="Réunion", start=world.session.start)
    world.schedule(deliberation, session=meeting)
    assert api.content.get_state(deliberation) == "validated"  # examined, not scheduled: no vote in commission
    assert deliberation.session_uid is None
    assert not can("elu", "View", deliberation)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(meeting, "convene")
    assert can("elu", "View", deliberation)
    assert not can("elu2", "View", deliberation)
    world.schedule(deliberation)  # later, on the council's agenda
    assert api.content.get_state(deliberation) == "scheduled"
