"""REST: GET @seance (roll call, quorum per item, votes), POST @roll-call and @movements on a session,
GET/POST @vote on an agenda item. A refusal is a 400 with its message, in the request's language."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.documents.office import ConversionFailed
from collective.deliberations.seance import refuse
from collective.deliberations.seance import SeanceError
from collective.deliberations.seance.attendance import answers_as_roll_call
from collective.deliberations.seance.attendance import cancel_movement
from collective.deliberations.seance.attendance import record_movement
from collective.deliberations.seance.attendance import record_roll_call
from collective.deliberations.seance.state import seance_state
from collective.deliberations.seance.votes import get_vote
from collective.deliberations.seance.votes import record_vote
from collective.deliberations.security.disclosure import visible_vote
from collective.deliberations.services import errors
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.interface import alsoProvides

import transaction


# The JSON shape of each member of a request body: anything else is refused with a message, never a 500
SHAPES = {
    "attendance": dict,
    "proxies": dict,
    "counts": dict,
    "ballots": list,
    **dict.fromkeys(("member", "item", "kind", "proxy", "secretary", "mode", "ar_acte"), str),
}


def check_shapes(body):
    for name, kind in SHAPES.items():
        value = body.get(name)
        wrong = value is not None and not isinstance(value, kind)
        if name == "ballots" and isinstance(value, list):
            wrong = not all(isinstance(b, dict) for b in value)
        if wrong:
            refuse(
                _(
                    "seance_bad_shape",
                    default="« ${name} » does not have the expected form (see docs/seance.md).",
                    mapping={"name": name},
                )
            )


class _Recording(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            body = json_body(self.request) or {}
        except Exception:  # plone.restapi raises a bare DeserializationError for a body that is not JSON
            body = None
        try:
            if not isinstance(body, dict):
                refuse(_("seance_not_json", default="The request body is not a JSON object."))
            check_shapes(body)
            return self.record(body)
        except SeanceError as error:
            message = error.translated(self.request)
        except WorkflowException as error:
            message = str(error)
        except ConversionFailed as error:  # LibreOffice (the liste, the PV) over its time or stopped: may pass
            transaction.doom()
            return errors.error(self.request, 503, error.message)
        transaction.doom()  # nothing of a refused request is kept
        return errors.error(self.request, 400, message)


class GetSeance(Service):
    def reply(self):
        return {"@id": f"{self.context.absolute_url()}/@seance", **seance_state(self.context)}


class PostRollCall(_Recording):
    def record(self, body):
        if body.get("from_answers"):  # the convocation's presence answers first, then what the request says
            attendance, proxies = answers_as_roll_call(self.context)
            record_roll_call(self.context, attendance, proxies)
        record_roll_call(
            self.context,
            attendance=body.get("attendance"),
            proxies=body.get("proxies"),
            secretary=body.get("secretary"),
            reconvened=body.get("reconvened"),
        )
        return {"@id": f"{self.context.absolute_url()}/@seance", **seance_state(self.context)}


class PostMovement(_Recording):
    def record(self, body):
        if "cancel" in body:
            cancel_movement(self.context, body["cancel"])
        else:
            record_movement(self.context, body.get("member"), body.get("item"), body.get("kind"), body.get("proxy"))
        return {"@id": f"{self.context.absolute_url()}/@seance", **seance_state(self.context)}


class GetVote(Service):
    def reply(self):
        item = self.context
        deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
        vote = visible_vote(aq_parent(aq_inner(item)), deliberation, get_vote(item))
        return {"@id": f"{item.absolute_url()}/@vote", "vote": vote}


class PostVote(_Recording):
    def record(self, body):
        vote = record_vote(self.context, body.get("mode"), ballots=body.get("ballots"), counts=body.get("counts"))
        self.request.response.setStatus(201)
        return {"@id": f"{self.context.absolute_url()}/@vote", "vote": vote}


class PostListe(_Recording):
    def record(self, body):
        from collective.deliberations.seance.liste import generate_liste

        document = generate_liste(self.context)
        self.request.response.setStatus(201)
        return {"@id": document.absolute_url(), "title": document.Title(), "size": document.file.getSize()}


class PostMinutes(_Recording):
    def record(self, body):
        from collective.deliberations.seance.minutes import generate_minutes

        document = generate_minutes(self.context)
        self.request.response.setStatus(201)
        return {"@id": document.absolute_url(), "title": document.Title(), "size": document.file.getSize()}
