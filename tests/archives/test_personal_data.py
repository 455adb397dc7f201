"""Personal data past its DUA (addresses, accusés de lecture, presence answers of a convocation) is eliminated the
same way as records: on the dashboard under D, proposed on a bordereau, purged only after the visa; the séance and
the proof that it was convened stay."""

from collective.deliberations.archives.dashboard import reaching_dua_end
from collective.deliberations.archives.elimination import EliminationRefused
from collective.deliberations.archives.elimination import propose
from collective.deliberations.archives.elimination import record_visa
from collective.deliberations.archives.elimination import run
from collective.deliberations.archives.log import read_log
from collective.deliberations.archives.retention import lift_hold
from collective.deliberations.archives.retention import set_hold
from collective.deliberations.convocation.presence import record_answer
from collective.deliberations.convocation.presence import record_opening
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import lookup_token
from collective.deliberations_demo.tools import backdate
from datetime import date
from datetime import datetime
from plone import api
from zope.i18n import translate

import pytest


@pytest.fixture
def convened(archives):
    """The old séance's convocation, as its members left it: read, answered; closed on 12 March 2024."""
    session = archives.old
    convocation = get_convocation(session)
    recipients = convocation.all()
    assert recipients and all(r.email for r in recipients), "convening recorded no recipient"
    record_opening(recipients[0], "link")
    record_answer(session, convocation, recipients[0], "present")
    backdate(session, {"close": datetime(2024, 3, 12, 22, 0)})
    return session, convocation, recipients[0]


def refused(call, *args, **kwargs):
    with pytest.raises(EliminationRefused) as raised:
        call(*args, **kwargs)
    return translate(raised.value.message, target_language="fr")


def test_personal_data_purged_after_the_visa(convened):
    session, convocation, recipient = convened
    token = recipient.token
    assert lookup_token(token)[1] is recipient
    rows = [r for r in reaching_dua_end(date(2025, 1, 1), date(2025, 12, 31))["D"] if r["kind"] == "personal"]
    assert [(r["title"], r["dua_end"]) for r in rows] == [
        ("Conseil communautaire : données personnelles de la convocation", "2025-03-12")
    ]
    with api.env.adopt_user(username="archiviste"):
        proposal = propose([], "Données personnelles 2024", personal=[session])
        [entry] = proposal["records"]
        assert entry["kind"] == "personal" and entry["category"].startswith("Données personnelles")
        purged = entry["documents"][0]["title"]
        assert purged.endswith("destinataires : adresses, accusés de lecture, réponses de présence")
        assert refused(run, proposal["id"]) == "Sans le visa de l'administration des archives, rien n'est détruit."
        assert recipient.email and recipient.answers  # nothing purged without the visa
        with api.env.adopt_user(username="archiviste2"):  # not the proposer
            record_visa(proposal["id"], "Archives départementales", "2026-11-02", "V-2026-130", b"%PDF-1.4", "visa.pdf")
        set_hold(session, "Contentieux électoral")
        assert refused(run, proposal["id"]).startswith("Conseil communautaire est sous gel juridique")
        lift_hold(session)
        run(proposal["id"])
    assert recipient.email == "" and list(recipient.answers) == [] and recipient.first_opened_at is None
    assert all(not r.email and not r.answers for r in convocation.all())
    assert lookup_token(token) == (None, None)  # the personal link no longer opens anything
    assert recipient.made_available_at is not None  # the proof of the délai stays
    assert "convocation" in session.objectIds() and api.content.get_state(session) == "closed"
    assert [e["action"] for e in read_log()[:2]] == ["elimination_run", "elimination_visa"]
    assert not [r for r in reaching_dua_end(date(2025, 1, 1), date(2025, 12, 31))["D"] if r["kind"] == "personal"]
    with api.env.adopt_user(username="archiviste"):
        assert refused(propose, [], "Encore", personal=[session]) == (
            "Conseil communautaire : sa convocation ne contient plus de données personnelles."
        )


def test_personal_data_kept_while_its_dua_runs(archives):
    session = archives.old  # closed today: its personal data is kept one more year
    with api.env.adopt_user(username="archiviste"):
        message = refused(propose, [], "Trop tôt", personal=[session])
    assert message.startswith("Conseil communautaire : sa DUA court jusqu'au ")
    assert get_convocation(session).all()[0].email
