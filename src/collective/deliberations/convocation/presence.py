"""A recipient's presence answer: présent, absent, procuration to a named member (who holds at most one), à
distance when the session allows it. Each answer is kept with its time."""

from collective.deliberations import _
from collective.deliberations.convocation.proof import record_reading_proof
from collective.deliberations.convocation.recipients import voting_members
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import now

import re


ANSWERS = ("present", "absent", "procuration", "distance")


class AnswerError(ValueError):
    """A refused answer; args[0] is the message for the person."""


def proxies_held(convocation, userid, excluding=None):
    return [
        r
        for r in convocation.all()
        if r.userid != excluding
        and r.answer()
        and r.answer()["answer"] == "procuration"
        and r.answer()["proxy"] == userid
    ]


def record_answer(session, convocation, recipient, answer, proxy=None, by=None):
    if answer not in ANSWERS:
        raise AnswerError(_("answer_unknown", default="Answer présent, absent, procuration or à distance."))
    if answer == "distance" and not convocation.remote_allowed:
        raise AnswerError(_("answer_no_remote", default="This session cannot be attended remotely."))
    if answer == "procuration":
        if recipient.kind != "convocation":
            raise AnswerError(_("answer_guest_proxy", default="Only a member with a vote can give a proxy."))
        holder = convocation.get(proxy or "")
        if not proxy or proxy == recipient.userid or holder is None or proxy not in voting_members(session):
            raise AnswerError(_("answer_proxy_member", default="Give the proxy to another member of this body."))
        if proxies_held(convocation, proxy, excluding=recipient.userid):
            raise AnswerError(
                _(
                    "answer_proxy_taken",
                    default="${name} already holds a proxy: a member holds at most one.",
                    mapping={"name": holder.fullname},
                )
            )
    else:
        proxy = None
    entry = {"at": now(), "answer": answer, "proxy": proxy, "by": by or recipient.userid}
    recipient.answers.append(entry)
    return entry


def record_opening(recipient, how, device=None):
    """The accusé de lecture: only the first opening counts; `how` is "login" or "link", `device` the kind of
    device the dossier was read on (tablet, phone, computer)."""
    if recipient.first_opened_at is None:
        recipient.first_opened_at = now()
        recipient.first_opened_by = how
        recipient.first_opened_device = device
        return True
    return False


DEVICES = (("tablet", r"ipad|tablet|kindle|silk|(android(?!.*mobile))"), ("phone", r"mobi|iphone|android"))


def device(user_agent):
    """The kind of device a user agent names: tablet, phone or computer (the user agent itself is not kept)."""
    text = (user_agent or "").lower()
    for kind, pattern in DEVICES:
        if re.search(pattern, text):
            return kind
    return "computer"


def record_reading(session, recipient, how, user_agent):
    """A person's browser displayed the dossier (its script posted, or the person answered): the accusé de lecture
    ("login" or "link"), and its proof. Never on a GET: a mail scanner makes those."""
    if record_opening(recipient, how, device(user_agent)):
        record_reading_proof(session, get_convocation(session), recipient)
        return True
    return False
