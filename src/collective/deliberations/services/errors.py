"""One way for a REST service to answer an error: the status, a message in the reader's language and the field
at fault, as {"error": {"type", "message", "field"}}. A JSON body is read with `read_json`; a service whose reply
reads typed values (validation.py) is wrapped in `refusing_bad_input`, which turns an InputError into a 400.

A body that is not JSON is refused for every service before it runs (`refuse_invalid_json`), and a body that is
not a JSON object for content and our services: plone.restapi's content creation let its DeserializationError become
a 500, and its other services answered in English."""

from collective.deliberations import _
from collective.deliberations.validation import InputError
from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.component import adapter
from zope.i18n import translate

import functools
import json


KINDS = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict"}


def error(request, status, message, field=None, **extra):
    """Set `status` on the response and return the error body (`message` is translated, a str stays as it is)."""
    request.response.setStatus(status)
    body = {"type": KINDS.get(status, "Error"), "message": translate(message, context=request), **extra}
    if field is not None:
        body["field"] = field
    return {"error": body}


def _not_json(request):
    return translate(_("error_not_json", default="The body of the request is not a JSON object."), context=request)


def read_json(request):
    """The JSON object of the request's body ({} when there is none); InputError when it is not a JSON object."""
    try:
        data = json.loads(request.get("BODY") or "{}")
    except ValueError as problem:
        raise InputError(_("error_not_json", default="The body of the request is not a JSON object.")) from problem
    if not isinstance(data, dict):
        raise InputError(_("error_not_json", default="The body of the request is not a JSON object."))
    return data


def refusing_bad_input(reply):
    """A service's reply whose InputError (wrong JSON, a value of the wrong kind) is answered as a 400."""

    @functools.wraps(reply)
    def wrapper(service, *args, **kwargs):
        try:
            return reply(service, *args, **kwargs)
        except InputError as problem:
            return error(service.request, 400, problem.message, field=problem.field)

    return wrapper


# The services whose body must be a JSON object; any other may take a list (plone.restapi's @users says so)
OBJECT_BODIES = ("plone.restapi.services.content.", "collective.deliberations.")


class NotJSON(BadRequest):
    """The body of a JSON request is not a JSON object."""


def refuse_invalid_json(event):
    """Before any REST service runs: a JSON request whose body cannot be read is a 400 in the reader's language."""
    request = event.request
    if not IAPIRequest.providedBy(request) or request.get("REQUEST_METHOD") not in ("POST", "PATCH", "PUT"):
        return
    if not (request.getHeader("Content-Type") or "").startswith("application/json"):
        return
    try:
        data = json.loads(request.get("BODY") or "{}")
    except ValueError as problem:
        raise NotJSON(_not_json(request)) from problem
    service = type(request.get("PUBLISHED"))
    if not isinstance(data, dict) and any(cls.__module__.startswith(OBJECT_BODIES) for cls in service.__mro__):
        raise NotJSON(_not_json(request))


@adapter(NotJSON, IAPIRequest)
class NotJSONView(BrowserView):
    """The answer to NotJSON (its exception view), in the same form as every other REST error of ours."""

    def __call__(self):
        body = json.dumps(error(self.request, 400, _not_json(self.request)))
        self.request.response.setStatus(400, lock=True)  # the publisher set 500 from the class's unknown name
        self.request.response.setHeader("Content-Type", "application/json")
        return body
