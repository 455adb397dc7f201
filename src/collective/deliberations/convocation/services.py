"""REST: the follow-up of a convocation (@convocation), a retry or a resend (@convocation-send), and the presence
answer of the logged-in official (@presence). Same permissions as the pages."""

from collective.deliberations import _
from collective.deliberations.convocation import followup
from collective.deliberations.convocation.links import revoke
from collective.deliberations.convocation.presence import AnswerError
from collective.deliberations.convocation.presence import record_answer
from collective.deliberations.convocation.sending import resend
from collective.deliberations.convocation.sending import retry_failed
from collective.deliberations.convocation.share import state
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.services.errors import error
from collective.deliberations.services.errors import read_json
from collective.deliberations.services.errors import refusing_bad_input
from collective.deliberations.validation import flag
from collective.deliberations.validation import text
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


def convocation_data(context):
    convocation = get_convocation(context)
    return {
        "@id": f"{context.absolute_url()}/@convocation",
        "convened_at": followup.iso(convocation.convened_at) if convocation else None,
        "urgency_reason": convocation.urgency_reason if convocation else "",
        "override": (
            {**convocation.override, "at": followup.iso(convocation.override["at"])}
            if convocation is not None and convocation.override
            else None
        ),
        "remote_allowed": convocation.remote_allowed if convocation else False,
        "recipients": followup.rows(context),
        "manifests": followup.manifests(context),
    }


def _posted(service):
    """The JSON body of a change to a session's convocation, the convocation, and the refusal when there is none."""
    alsoProvides(service.request, IDisableCSRFProtection)  # a JSON API call, authenticated by its header
    convocation = get_convocation(service.context)
    if convocation is None:
        message = _("rest_not_convened", default="This session has not been convened.")
        return None, None, error(service.request, 400, message)
    return read_json(service.request), convocation, None


class ConvocationGet(Service):
    def reply(self):
        return convocation_data(self.context)


class ConvocationSend(Service):
    """POST {} retries the failed messages; {"recipient": "<userid>"} sends the convocation again to one."""

    @refusing_bad_input
    def reply(self):
        data, convocation, refusal = _posted(self)
        if refusal is not None:
            return refusal
        userid = text(data, "recipient")
        if userid:
            if convocation.get(userid) is None:
                return error(
                    self.request,
                    404,
                    _("rest_not_recipient_of", default="« ${userid} » is no recipient of this convocation.",
                      mapping={"userid": userid}),
                )  # fmt: skip
            return {"queued": resend(self.context, userid)}
        return {"queued": retry_failed(self.context)}


def presence(context, request):
    convocation = get_convocation(context)
    recipient = convocation.get(api.user.get_current().getId()) if convocation else None
    if recipient is None:
        return error(
            request, 404, _("rest_not_recipient", default="You are no recipient of this session's convocation.")
        )
    row = next(r for r in followup.rows(context) if r["userid"] == recipient.userid)
    return {"@id": f"{context.absolute_url()}/@presence", **row}


class ConvocationPatch(Service):
    """PATCH {"remote_allowed": true} allows remote attendance; {"revoke": "<userid>"} revokes a personal link."""

    @refusing_bad_input
    def reply(self):
        data, convocation, refusal = _posted(self)
        if refusal is not None:
            return refusal
        if "remote_allowed" in data:
            convocation.remote_allowed = flag(data, "remote_allowed")
        userid = text(data, "revoke")
        if userid:
            recipient = convocation.get(userid)
            if recipient is None:
                return error(
                    self.request,
                    404,
                    _("rest_not_recipient_of", default="« ${userid} » is no recipient of this convocation.",
                      mapping={"userid": userid}),
                )  # fmt: skip
            revoke(recipient)
        return convocation_data(self.context)


class DossierGet(Service):
    """The dossier as the reader may see it: its groups (the session's documents, then each agenda item) with their
    documents, and the addresses of the whole dossier as one PDF and of the zip of its files."""

    def reply(self):
        from collective.deliberations.convocation.browser.extranet import DossierView

        view = DossierView(self.context, self.request)
        view.session = self.context
        groups, documents = view.dossier()
        base = self.context.absolute_url()
        return {
            "@id": f"{base}/@dossier",
            "pdf": f"{base}/@@dossier.pdf",
            "zip": f"{base}/@@dossier.zip",
            "groups": [
                {
                    "title": title,
                    "documents": [
                        {
                            "@id": obj.absolute_url(),
                            "title": obj.Title(),
                            "filename": obj.file.filename,
                            "size": obj.file.getSize(),
                            "download": f"{obj.absolute_url()}/@@download/file",
                        }
                        for group, obj in documents
                        if group == key
                    ],
                }
                for key, title in groups
            ],
        }


class PresenceGet(Service):
    def reply(self):
        return presence(self.context, self.request)


class PresencePost(Service):
    """{"answer": "present" | "absent" | "procuration" | "distance", "proxy": "<userid>"}"""

    @refusing_bad_input
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # a JSON API call, authenticated by its header
        convocation = get_convocation(self.context)
        recipient = convocation.get(api.user.get_current().getId()) if convocation else None
        if recipient is None:
            return error(
                self.request,
                404,
                _("rest_not_recipient", default="You are no recipient of this session's convocation."),
            )
        if api.content.get_state(self.context) != "convened":
            return error(
                self.request, 400, _("rest_no_more_answers", default="This session awaits no answer any more.")
            )
        data = read_json(self.request)
        answer, proxy = text(data, "answer"), text(data, "proxy")
        try:
            record_answer(self.context, convocation, recipient, answer, proxy or None)
        except AnswerError as refused:
            return error(self.request, 400, refused.args[0])
        return presence(self.context, self.request)


class ShareGet(Service):
    """The bodies this document may be shared with, and whether it is."""

    def reply(self):
        return {"@id": f"{self.context.absolute_url()}/@share", "bodies": state(self.context)}


class SharePost(Service):
    """{"body": "<uid>", "shared": true | false}"""

    @refusing_bad_input
    def reply(self):
        from collective.deliberations.convocation.browser.share import apply

        alsoProvides(self.request, IDisableCSRFProtection)  # a JSON API call, authenticated by its header
        data = read_json(self.request)
        refusal = apply(self.context, text(data, "body"), flag(data, "shared", True))
        if refusal is not None:
            return error(self.request, 400, refusal)
        return {"@id": f"{self.context.absolute_url()}/@share", "bodies": state(self.context)}
