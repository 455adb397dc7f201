"""The purge of the personal data a session's convocation recorded, once its DUA is over (archives/personal.py
runs it after the visa): each recipient's address, first opening (accusé de lecture), presence answers with their
proxies, and failure messages go; the personal link stops working. Kept: who was convened and when the messages
were made available and accepted (the proof of the délai), and the proof manifests, whose own rule (proofs) governs
them."""

from collective.deliberations.convocation.storage import _token_index
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import now
from persistent.list import PersistentList


def personal_data_count(session):
    """How many recipients still hold personal data (0 when there is no convocation or it was purged)."""
    convocation = get_convocation(session)
    if convocation is None:
        return 0
    return sum(1 for recipient in convocation.all() if _holds_personal_data(recipient))


def _holds_personal_data(recipient):
    return bool(recipient.email or recipient.first_opened_at or recipient.answers or recipient.failures)


def purge_personal_data(session):
    """Remove the personal data of the session's recipients; return how many recipients held some."""
    convocation = get_convocation(session)
    if convocation is None:
        return 0
    tokens = _token_index()
    purged = 0
    for recipient in convocation.all():
        if _holds_personal_data(recipient):
            purged += 1
        recipient.email = ""
        recipient.first_opened_at = recipient.first_opened_by = recipient.first_opened_device = None
        recipient.reading_proof = None
        recipient.answers = PersistentList()
        recipient.failures = PersistentList({"at": failure.get("at")} for failure in recipient.failures)
        if tokens is not None and recipient.token in tokens:
            del tokens[recipient.token]
        recipient.revoked_at = recipient.revoked_at or now()
    convocation.purged_at = now()
    return purged
