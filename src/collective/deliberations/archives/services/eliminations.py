"""REST of eliminations, on the site root:
GET @eliminations (list), POST @eliminations {"records": [UID...], "personal": [UID of séances...], "title"}
(proposal; "personal": the personal data of those séances' convocations),
GET @eliminations/<id>, GET @eliminations/<id>/bordereau (PDF),
POST @eliminations/<id>/visa (multipart: authority, date, reference, file), POST .../cancel, POST .../run."""

from collective.deliberations import _
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
from collective.deliberations.services.errors import read_json
from collective.deliberations.services.errors import refusing_bad_input
from collective.deliberations.validation import text
from collective.deliberations.validation import texts
from plone import api
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
    @refusing_bad_input
    def reply(self):
        no_csrf(self.request)
        try:
            if not self.params:
                return self.propose()
            identifier, action = (self.params + [""])[:2]
            if action == "visa":
                proposal = self.visa(identifier)
            elif action == "cancel":
                proposal = cancel(identifier)
            elif action == "run":
                proposal = run(identifier)
            else:
                return error(
                    self,
                    404,
                    _("error_unknown_action", default="Unknown action: ${action}.", mapping={"action": action}),
                )
        except EliminationRefused as problem:
            return error(self, 400, problem.message)
        return summary(proposal)

    def visa(self, identifier):
        """A multipart form: authority, date, reference (texts) and file (the signed bordereau)."""
        form = self.request.form
        upload = form.get("file")
        data = upload.read() if hasattr(upload, "read") else b""
        fields = [text(form, name) for name in ("authority", "date", "reference")]
        return record_visa(identifier, *fields, data, getattr(upload, "filename", None))

    def propose(self):
        body = read_json(self.request)
        title = text(body, "title")
        records, personal = [], []
        for field, found in (("records", records), ("personal", personal)):
            for uid in texts(body, field):
                brains = api.content.find(UID=uid, unrestricted=True)
                if brains:
                    found.append(brains[0]._unrestrictedGetObject())
        proposal = propose(records, title, personal=personal)
        self.request.response.setStatus(201)
        return summary(proposal)
