"""The data generator of the benchmark (``deliberations-generate``), on a small scale: what it creates is what a user
of the site then finds, in the states and places its plan says, and the same plan for the same seed."""

from collective.deliberations_demo.generator import generate
from collective.deliberations_demo.generator import plan
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID


REFERENCE = date(2026, 3, 2)
SMALL = {"deliberations": 30, "sessions": 5, "convening_items": 10, "officials": 12, "reference": REFERENCE}


def new_request():
    """Forget what borg.localrole cached on the test request, as a new request would."""
    from zope.annotation.interfaces import IAnnotations
    from zope.globalrequest import getRequest

    annotations = IAnnotations(getRequest())
    for key in [k for k in annotations if str(k).startswith("borg.localrole")]:
        del annotations[key]


def can_view(user_id, obj):
    new_request()
    with api.env.adopt_user(username=user_id):
        return bool(api.user.has_permission("View", obj=obj))


def fingerprint(portal):
    """Every deliberation and session as the catalog shows them, and every agenda."""
    catalog = api.portal.get_tool("portal_catalog")
    rows = sorted(
        (brain.getPath(), brain.Title, brain.review_state)
        for brain in catalog.unrestrictedSearchResults(portal_type=["Deliberation", "Session"])
    )
    agendas = sorted(
        (brain.getPath(), [item.getId() for item in brain._unrestrictedGetObject().agenda()])
        for brain in catalog.unrestrictedSearchResults(portal_type="Session")
    )
    return rows, agendas


def expected(portal, the_plan):
    """The fingerprint the plan announces."""
    root = "/".join(portal.getPhysicalPath())
    rows = sorted(
        [(f"{root}/{d.path}", d.title, d.state) for d in the_plan.deliberations]
        + [(f"{root}/{s.path}", s.title, s.state) for s in the_plan.sessions]
    )
    agendas = sorted(
        (f"{root}/{s.path}", [d.id for d in s.items] + [f"point-{n}" for n in range(1, len(s.notes) + 1)])
        for s in the_plan.sessions
    )
    return rows, agendas


def states(portal_type):
    result = {}
    for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type=portal_type):
        result[brain.review_state] = result.get(brain.review_state, 0) + 1
    return result


def test_generator(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    lines = []
    the_plan = generate(portal, commit=False, log=lines.append, **SMALL)

    # Every deliberation is in the state the plan gives it; all the expected stages of the life are there.
    counts = states("Deliberation")
    assert sum(counts.values()) == 30
    assert counts == the_plan.counts()
    assert {"draft", "proposed", "validated", "scheduled", "published"} <= set(counts)
    assert len(api.content.find(portal_type="Session", unrestricted=True)) == 5
    assert {"planned", "closed"} <= set(states("Session"))

    # The convening session: a planned council session of exactly 10 scheduled deliberations, not yet shown to the
    # council's members; a closed session's acts are.
    session = the_plan.convening
    convening = portal.unrestrictedTraverse(session.path)
    assert api.content.get_state(convening) == "planned"
    items = convening.agenda()
    assert len(items) == 10
    deliberations = [item.get_deliberation() for item in items]
    assert {api.content.get_state(d) for d in deliberations} == {"scheduled"}
    assert {d.session_uid for d in deliberations} == {convening.UID()}
    # ready to convene: nothing the law requires is missing (délai, projets, note explicative de synthèse, members)
    from collective.deliberations.convocation.checks import missing

    assert missing(convening, today=REFERENCE) == []
    assert not can_view("elu-01", deliberations[0])
    assert can_view("secretaire", deliberations[0])
    closed = next(s for s in the_plan.sessions if s.state == "closed" and s.items)
    decided = portal.unrestrictedTraverse(closed.items[0].path)
    assert can_view("elu-01", decided)

    # The accounts to log in with: an agent sees the drafts of their service, and wrote theirs.
    draft = next(s for s in the_plan.deliberations if s.state == "draft")
    obj = portal.unrestrictedTraverse(draft.path)
    assert obj.Creator() == draft.author
    assert can_view(f"agent-{draft.service}", obj)
    assert not can_view(f"valideur-{draft.service}", obj)
    assert any("done" in line for line in lines)

    # The site is the plan, to the last title, state and agenda item; the same seed gives the same plan (UIDs
    # apart, nothing else is drawn at random), another seed another.
    assert fingerprint(portal) == expected(portal, the_plan)
    assert plan(**SMALL) == the_plan
    assert plan(seed=7, **SMALL).deliberations != the_plan.deliberations
