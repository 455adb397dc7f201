"""The secretariat's follow-up of a convocation, one row per recipient: the page, the CSV and the REST API share it."""

from collective.deliberations import _
from collective.deliberations.convocation.ical import local_zone
from collective.deliberations.convocation.message import long_datetime
from collective.deliberations.convocation.storage import get_convocation
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message


ANSWER_TITLES = {
    "present": _("answer_present", default="Present"),
    "absent": _("answer_absent", default="Absent"),
    "procuration": _("answer_procuration", default="Proxy"),
    "distance": _("answer_distance", default="Remote"),
}
PAPER = _("paper_mark", default="paper")
STATUS_TITLES = {
    "pending": _("send_pending", default="Waiting"),
    "sent": _("send_sent", default="Accepted by the mail server"),
    "failed": _("send_failed", default="Failed: to be sent again"),
    "invalid": _("send_invalid", default="Invalid address"),
    "paper": _("send_paper", default="On paper only"),
}


DEVICE_TITLES = {
    "tablet": _("device_tablet", default="tablet"),
    "phone": _("device_phone", default="phone"),
    "computer": _("device_computer", default="computer"),
}


READINGS = {
    False: _("reading_by_link", default="Dossier opened by the reader, in the browser (${device}), on ${date}"),
    True: _(
        "reading_by_login_browser",
        default="Dossier opened by the reader, logged in, in the browser (${device}), on ${date}",
    ),
}
READINGS_BEFORE_THE_SCRIPT = {
    False: _("reading_by_link_visit", default="Personal link visited on ${date} (maybe by a mail scanner)"),
    True: _("reading_by_login", default="Dossier opened by the reader, logged in, on ${date}"),
}


def tr(message):
    return translate(message, context=getRequest())


def reading_text(recipient):
    """What the accusé de lecture records, in words: who opened the dossier, how, when."""
    at = recipient.first_opened_at
    if at is None:
        return ""
    date = long_datetime(at.astimezone(local_zone()).replace(tzinfo=None))
    if recipient.first_opened_device is None:  # recorded on a GET, before the page's script did
        return tr(Message(READINGS_BEFORE_THE_SCRIPT[recipient.first_opened_by == "login"], mapping={"date": date}))
    device = tr(DEVICE_TITLES[recipient.first_opened_device])
    return tr(Message(READINGS[recipient.first_opened_by == "login"], mapping={"date": date, "device": device}))


def iso(value):
    return value.isoformat() if value is not None else None


def local(value):
    return api.portal.get_localized_time(datetime=value, long_format=True) if value is not None else ""


def answer_text(answer, convocation):
    if answer is None:
        return ""
    text = tr(ANSWER_TITLES[answer["answer"]])
    if answer["answer"] == "procuration":
        holder = convocation.get(answer["proxy"])
        text += f" → {holder.fullname if holder else answer['proxy']}"
    return text


def reading_proof(recipient):
    proof = recipient.reading_proof
    if proof is None:
        return None
    return {key: proof[key] for key in ("sha256", "tsa_time", "tsa_error")} | {"at": iso(proof["at"])}


def rows(session):
    """Plain data (JSON-ready) per recipient, in the order of the body's memberships."""
    convocation = get_convocation(session)
    if convocation is None:
        return []
    result = []
    for recipient in convocation.all():
        answer = recipient.answer()
        result.append(
            {
                "userid": recipient.userid,
                "fullname": recipient.fullname,
                "email": recipient.email,
                "kind": recipient.kind,
                "paper": recipient.paper,
                "paper_text": tr(PAPER) if recipient.paper else "",
                "status": recipient.status,
                "status_title": tr(STATUS_TITLES[recipient.status]),
                "made_available_at": iso(recipient.made_available_at),
                "accepted_at": iso(recipient.accepted_at),
                "attempts": recipient.attempts,
                "next_try_at": iso(recipient.next_try_at) if recipient.status == "failed" else None,
                "failures": [{"at": iso(f["at"]), "error": f["error"]} for f in recipient.failures],
                "waiting": [e["kind"] for e in recipient.outbox],
                "messages": [{"kind": m["kind"], "at": iso(m["at"])} for m in recipient.messages],
                "first_opened_at": iso(recipient.first_opened_at),
                "first_opened_by": recipient.first_opened_by,
                "first_opened_device": recipient.first_opened_device,
                "reading_text": reading_text(recipient),
                "reading_proof": reading_proof(recipient),
                "answer": answer["answer"] if answer else None,
                "proxy": answer["proxy"] if answer else None,
                "answer_text": answer_text(answer, convocation),
                "answered_at": iso(answer["at"]) if answer else None,
                "answers": [
                    {"at": iso(a["at"]), "answer": a["answer"], "proxy": a["proxy"], "by": a["by"]}
                    for a in recipient.answers
                ],
                "revoked_at": iso(recipient.revoked_at),
            }
        )
    return result


def manifests(session):
    convocation = get_convocation(session)
    if convocation is None:
        return []
    return [
        {
            "at": iso(m["at"]),
            "reason": m["reason"],
            "sha256": m["sha256"],
            "changes": list(m["changes"]),
            "tsa_url": m["tsa_url"],
            "tsa_time": m["tsa_time"],
            "tsa_token": m["tsa_token"],
            "tsa_error": m["tsa_error"],
        }
        for m in convocation.manifests
    ]


CSV_COLUMNS = (
    ("fullname", _("col_recipient", default="Recipient")),
    ("email", _("col_email", default="Address")),
    ("kind", _("col_kind", default="Sent as")),
    ("made_available_at", _("col_made_available", default="Made available at")),
    ("accepted_at", _("col_accepted", default="Accepted by the SMTP server at")),
    ("status_title", _("col_status", default="Sending")),
    ("attempts", _("col_attempts", default="Attempts")),
    ("first_opened_at", _("col_first_opened", default="First opened at")),
    ("reading_text", _("col_reading", default="Accusé de lecture")),
    ("answer_text", _("col_answer", default="Answer")),
    ("answered_at", _("col_answered", default="Answered at")),
    ("next_try_at", _("col_next_try", default="Next automatic try")),
    ("paper_text", _("col_paper", default="Paper")),
)
