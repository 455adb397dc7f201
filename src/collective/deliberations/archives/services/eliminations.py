"""REST of eliminations, on the site root:
GET @eliminations (list), POST @eliminations {"records": [UID...], "personal": [UID of séances...], "title"}
(proposal; "personal": the personal data of those séances' convocations),
GET @eliminations/<id>, GET @eliminations/<id>/bordereau (PDF),
POST @eliminations/<id>/visa (multipart: authority, date, reference, file), POST .../cancel, POST .../run."""

from collective.deliberations.archives.elimination import cancel
from collective.deliberations.archives.elimination import EliminationRefused
from collective.deliberations.archives.elimination import eliminations
from collective.deliberations.archives.elimination import get
from collective.deliberations.archives.elimination import propose
from collective.deliberations.archives.elimination import record_visa
from collective.deliberations.archives.elimination import run
from collective.deliberations.archives.elimination import summary
from collective.deliberations.archives.services.common import error
from collective.deliberations.archives.services.common import no_csrf
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class EliminationsService(Service):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self


class EliminationsGet(EliminationsService):
    def render(self):
        if len(self.params) == 2 and self.params[1] == "bordereau":
            self.check_permission()
            try:
                named = get(self.params[0])["bordereau"]
            except EliminationRefused as problem:
                return self._json(error(self, 404, problem.message))
            self.request.response.setHeader("Content-Type", "application/pdf")
            self.request.response.setHeader("Content-Disposition", f'attachment; filename="{named.filename}"')
            return named.data
        return super().render()

    def _json(self, body):
        import json

        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(body)

    def reply(self):
        if not self.params:
            return {"items": [summary(p) for p in eliminations().values()]}
        try:
            return summary(get(self.params[0]))
        except EliminationRefused as problem:
            return error(self, 404, problem.message)


class EliminationsPost(EliminationsService):
    def reply(self):
        no_csrf(self.request)
        try:
            if not self.params:
                return self.propose()
            identifier, action = (self.params + [""])[:2]
            if action == "visa":
                form = self.request.form
                upload = form.get("file")
                data = upload.read() if hasattr(upload, "read") else b""
                filename = getattr(upload, "filename", None)
                proposal = record_visa(
                    identifier, form.get("authority"), form.get("date"), form.get("reference"), data, filename
                )
            elif action == "cancel":
                proposal = cancel(identifier)
            elif action == "run":
                proposal = run(identifier)
            else:
                return error(self, 404, f"Unknown action: {action}")
        except EliminationRefused as problem:
            return error(self, 400, problem.message)
        return summary(proposal)

    def propose(self):
        body = json_body(self.request) or {}
        records, personal = [], []
        for field, found in (("records", records), ("personal", personal)):
            for uid in body.get(field) or []:
                brains = api.content.find(UID=uid, unrestricted=True)
                if brains:
                    found.append(brains[0]._unrestrictedGetObject())
        proposal = propose(records, body.get("title", ""), personal=personal)
        self.request.response.setStatus(201)
        return summary(proposal)
