"""docs/security.md is the specification: every cell of its tables is checked against what Plone grants."""

from .conftest import new_request
from pathlib import Path
from plone import api
from plone.namedfile.file import NamedBlobFile

import pytest


SPEC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
PERSONAS = {
    "agent": "agent",
    "other agent": "agent-urba",
    "validator": "valideur",
    "secretariat": "secretaire",
    "official": "elu",
    "other official": "elu2",
    "archivist": "archiviste",
    "anonymous": None,
}


def read_tables(path=SPEC):
    """{(section, situation): {persona: cell}} from the markdown tables under each ## heading."""
    cells, section, header = {}, None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section, header = line[3:].strip(), None
        elif line.startswith("|") and section:
            row = [c.strip() for c in line.strip("|").split("|")]
            if row[0] == "situation":
                header = row[1:]
            elif header and not set(row[0]) <= {"-"}:
                cells[(section, row[0])] = dict(zip(header, row[1:], strict=True))
    return cells


SPEC_CELLS = read_tables()


def as_anonymous(check):
    from AccessControl.SecurityManagement import getSecurityManager
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import setSecurityManager
    from AccessControl.SpecialUsers import nobody

    saved = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        return check()
    finally:
        setSecurityManager(saved)


def observed(obj, user_id):
    """The cell Plone grants `user_id` on `obj`, in the notation of docs/security.md."""
    workflow = api.portal.get_tool("portal_workflow")

    def check():
        new_request()
        letters = "".join(
            letter
            for letter, permission in (("V", "View"), ("E", "Modify portal content"), ("D", "Delete objects"))
            if api.user.has_permission(permission, obj=obj)
        )
        transitions = sorted(t["id"] for t in workflow.getTransitionsFor(obj) if t.get("id"))
        return " ".join([letters or "-"] + (transitions if letters else []))

    if user_id is None:
        return as_anonymous(check)
    with api.env.adopt_user(username=user_id):
        return check()


class Situations:
    """Builds the object of each row of the specification, in the world of tests/content/conftest.py."""

    def __init__(self, world):
        self.w = world
        # "other official" of the council: a member of the bureau only (for a commission: elu2, a council member)
        api.user.create(username="elu3", email="elu3@example.org", password="secret-1234")
        bureau = api.content.create(world.portal, "Assembly", id="bureau", title="Bureau", body_kind="bureau")
        api.content.create(bureau, "Membership", id="elu3", member="elu3")

    def as_secretariat(self, obj, *transitions):
        with api.env.adopt_user(username="secretaire"):
            for transition in transitions:
                api.content.transition(obj, transition)
        return obj

    def scheduled(self, convened=True, **fields):
        deliberation = self.w.validated(**fields)
        self.w.schedule(deliberation)
        if convened:
            self.as_secretariat(self.w.session, "convene")
        return deliberation

    def published(self):
        return self.as_secretariat(self.scheduled(), "adopt", "publish")

    def document(self, deliberation, user_id="secretaire", **flags):
        with api.env.adopt_user(username=user_id):
            return api.content.create(
                deliberation, "File", title="Annexe", file=NamedBlobFile(b"%PDF-1.4", filename="annexe.pdf"), **flags
            )

    FLAGS = {"publishable": {}, "confidential": {"confidential": True}, "internal": {"publishable": False}}

    def build(self, section, situation):
        w = self.w
        if section == "Deliberation":
            if situation == "draft":
                return w.draft()
            if situation == "proposed":
                deliberation = w.draft()
                with api.env.adopt_user(username="agent"):
                    api.content.transition(deliberation, "propose")
                return deliberation
            if situation == "validated":
                return w.validated()
            if situation.startswith("scheduled"):
                return self.scheduled(convened=situation.endswith("convened"))
            if situation == "adopted, individual decision":
                return self.as_secretariat(self.scheduled(nature="3"), "adopt")
            if situation == "published":
                return self.published()
            outcome = {"adopted": "adopt", "rejected": "reject", "withdrawn": "withdraw"}[situation]
            return self.as_secretariat(self.scheduled(), outcome)
        if section == "Documents of a deliberation":
            flags, where = situation.split(", ", 1)
            if where == "deliberation draft":
                return self.document(w.draft(), user_id="agent", **self.FLAGS[flags])
            parent = self.scheduled()
            document = self.document(parent, **self.FLAGS[flags])
            if where == "act published":  # documents are added before the vote: afterwards only a Manager may
                self.as_secretariat(parent, "adopt", "publish")
            return document
        if section == "Session of the council":
            path = {"planned": [], "convened": ["convene"], "held": ["convene", "hold"]}
            path.update({"closed": ["convene", "hold", "close"], "cancelled": ["convene", "cancel"]})
            w.information()
            return self.as_secretariat(w.session, *path[situation])
        if section == "Commission":
            if situation == "the commission":
                return w.commission
            if situation == "a document of its private space":
                space = api.content.create(w.commission, "Folder", id="espace", title="Espace")
                return api.content.create(space, "Document", id="note", title="Note")
            session = api.content.create(w.commission, "Session", id="reunion", title="Réunion", start=w.session.start)
            w.information(session)
            return self.as_secretariat(session, *(["convene"] if situation.endswith("convened") else []))
        raise KeyError(f"no builder for {section!r} / {situation!r}: add one in {__file__}")


def test_the_specification_has_tables():
    sections = {section for section, _situation in SPEC_CELLS}
    assert sections == {"Deliberation", "Documents of a deliberation", "Session of the council", "Commission"}
    assert len(SPEC_CELLS) >= 25
    assert all(set(row) == set(PERSONAS) for row in SPEC_CELLS.values())


@pytest.mark.parametrize("section,situation", list(SPEC_CELLS), ids=[f"{s}: {r}" for s, r in SPEC_CELLS])
def test_cell_by_cell(world, section, situation):
    obj = Situations(world).build(section, situation)
    expected = SPEC_CELLS[(section, situation)]
    people = dict(PERSONAS, **({} if section == "Commission" else {"other official": "elu3"}))
    actual = {persona: observed(obj, user_id) for persona, user_id in people.items()}
    differences = {p: f"spec {expected[p]!r}, Plone {actual[p]!r}" for p in PERSONAS if expected[p] != actual[p]}
    assert differences == {}
