"""A transfer, then the archive's reply: "versé" records become "archivé" with the archive's identifiers."""

from .sae import manifest_of
from .sae import reply_for
from collective.deliberations.archives.reply import apply_reply
from collective.deliberations.archives.reply import ReplyRefused
from collective.deliberations.archives.status import archive_status
from collective.deliberations.archives.transfer import transfer
from collective.deliberations.archives.validation import validate
from lxml import etree
from plone import api
from zope.i18n import translate

import pytest


@pytest.fixture
def sent(archives, seda_schemas, vault):
    with api.env.adopt_user(username="archiviste"):
        entry = transfer([archives.old])
    return entry


def refusal(data):
    with pytest.raises(ReplyRefused) as raised:
        apply_reply(data)
    return translate(raised.value.message, target_language="fr")


def test_reply_marks_records_archived(archives, sent, seda_schemas):
    assert archive_status(archives.budget)["status"] == "transferred"
    assert api.content.find(archive_status="transferred", portal_type="Deliberation", unrestricted=True)
    reply = reply_for(manifest_of(sent["file"]))
    validate(etree.fromstring(reply), seda_schemas)  # what the test archive answers is itself valid SEDA 2.2
    with api.env.adopt_user(username="archiviste"):
        entry = apply_reply(reply)
    assert entry["status"] == "archived"
    status = archive_status(archives.budget)
    assert (status["status"], status["transfer_id"]) == ("archived", sent["identifier"])
    assert status["archive_id"].startswith("FRAD034_")
    assert archive_status(archives.old)["archive_id"] == "FRAD034_000001"
    assert not api.user.has_permission("Modify portal content", username="admin", obj=archives.budget)


def test_unknown_transfer_refused(archives, sent):
    reply = reply_for(manifest_of(sent["file"]), request_id="SIP-000000000-UNKNOWN")
    assert refusal(reply) == "Cette réponse répond à SIP-000000000-UNKNOWN, un versement que ce site n'a jamais fait."
    assert archive_status(archives.budget)["status"] == "transferred"


def test_bad_digest_refused(archives, sent):
    reply = reply_for(manifest_of(sent["file"]), tamper=True)
    assert refusal(reply).endswith(
        "une empreinte qui ne correspond pas à ce qui a été envoyé : la réponse est refusée."
    )
    assert archive_status(archives.budget)["status"] == "transferred"


def test_not_a_reply_refused(archives, sent):
    assert refusal(b"<html/>") == "Ce fichier n'est pas un ArchiveTransferReply SEDA 2.2."
    assert refusal(b"not xml").startswith("Ce fichier n'est pas du XML lisible")


def test_rejected_transfer_keeps_records_transferred(archives, sent):
    entry = apply_reply(reply_for(manifest_of(sent["file"]), code="KO"))
    assert entry["status"] == "rejected"
    assert archive_status(archives.budget)["status"] == "transferred"


def test_archived_session_reduced_to_a_stub(archives, sent):
    from collective.deliberations.archives.sip import ExportError
    from collective.deliberations.archives.transfer import keep_stub

    with pytest.raises(ExportError):
        keep_stub(archives.old)  # versé, not yet archivé: the local files stay
    assert "annexe" in archives.budget.objectIds()
    apply_reply(reply_for(manifest_of(sent["file"])))
    keep_stub(archives.old)
    assert "annexe" not in archives.budget.objectIds() and "convocation" not in archives.old.objectIds()
    status = archive_status(archives.budget)
    assert (status["status"], status["stub"], archives.budget.Title()) == ("archived", True, "Budget primitif 2024")
    assert status["archive_id"].startswith("FRAD034_")
