"""REST for @ctes: GET @actes (the tar.gz package), POST @actes (the préfecture's ARActe), GET @actes-status."""

from collective.deliberations.seance import SeanceError
from collective.deliberations.seance.actes import acknowledgement
from collective.deliberations.seance.actes import is_executoire
from collective.deliberations.seance.actes import package
from collective.deliberations.seance.actes import record_acknowledgement
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
        "acknowledgement": dict(ack) if ack is not None else None,
        "executoire": is_executoire(deliberation),
    }


def bad_request(request, error):
    transaction.doom()
    request.response.setStatus(400)
    return {"error": {"type": "BadRequest", "message": error.translated(request)}}


class GetPackage(Service):
    def render(self):
        self.check_permission()
        try:
            filename, data = package(self.context)
        except SeanceError as error:
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
        try:
            record_acknowledgement(self.context, (body.get("ar_acte") if isinstance(body, dict) else None) or "")
        except SeanceError as error:
            return bad_request(self.request, error)
        return status(self.context)


class GetStatus(Service):
    def reply(self):
        return status(self.context)
