"""REST for @ctes: GET @actes (the tar.gz package), POST @actes (the préfecture's ARActe, whether the act is subject
to legality control, the date an individual decision was notified), GET @actes-status, POST @signed-act (the
signed act)."""

from collective.deliberations import _
from collective.deliberations.acts.actes import acknowledgement
from collective.deliberations.acts.actes import is_executoire
from collective.deliberations.acts.actes import notification
from collective.deliberations.acts.actes import package
from collective.deliberations.acts.actes import record_acknowledgement
from collective.deliberations.acts.actes import record_notification
from collective.deliberations.acts.actes import set_subject_to_control
from collective.deliberations.acts.actes import subject_to_control
from collective.deliberations.acts.signed import attach_signed_act
from collective.deliberations.documents.writing import json_file
from collective.deliberations.services import errors
from collective.deliberations.validation import Refusal
from collective.deliberations.validation import refuse
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import alsoProvides

import json
import transaction


def status(deliberation):
    ack = acknowledgement(deliberation)
    return {
        "@id": f"{deliberation.absolute_url()}/@actes-status",
        "number": deliberation.number,
        "decision_date": deliberation.decision_date.isoformat() if deliberation.decision_date else None,
        "review_state": api.content.get_state(deliberation),
        "subject_to_control": subject_to_control(deliberation),
        "acknowledgement": dict(ack) if ack is not None else None,
        "notified": notification(deliberation),
        "executoire": is_executoire(deliberation),
    }


def bad_request(request, error):
    transaction.doom()
    return errors.error(request, 400, error.translated(request))


class GetPackage(Service):
    def render(self):
        self.check_permission()
        try:
            filename, data = package(self.context)
        except Refusal as error:
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps(bad_request(self.request, error))
        response = self.request.response
        response.setHeader("Content-Type", "application/gzip")
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        response.setHeader("Content-Length", str(len(data)))
        return data


class PostAcknowledgement(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_body(self.request) or {}
        body = body if isinstance(body, dict) else {}
        try:
            if "subject_to_control" in body:
                if not isinstance(body["subject_to_control"], bool):
                    refuse(_("seance_actes_control_bool", default="« subject_to_control » is true or false."))
                set_subject_to_control(self.context, body["subject_to_control"])
            if "notified" in body:
                record_notification(self.context, body["notified"])
            if "ar_acte" in body or not ({"subject_to_control", "notified"} & set(body)):
                record_acknowledgement(self.context, body.get("ar_acte") or "")
        except Refusal as error:
            return bad_request(self.request, error)
        return status(self.context)


class GetStatus(Service):
    def reply(self):
        return status(self.context)


class PostSignedAct(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_body(self.request) or {}
        try:
            data, filename = json_file(body if isinstance(body, dict) else {})
            document = attach_signed_act(self.context, data, filename)
        except Refusal as error:
            return bad_request(self.request, error)
        self.request.response.setStatus(201)
        return {**status(self.context), "signed_act": document.absolute_url()}
