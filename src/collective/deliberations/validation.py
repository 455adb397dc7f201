"""A field error with its own, translated message: shown under the field in forms, returned as 400 by REST.

And the typed reading of what a request sends (a JSON body's values, a query's paging): a value of the wrong
kind is refused with an InputError naming the field, never coerced into something else and saved."""

from collective.deliberations import _
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import ValidationError


class FieldError(ValidationError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


class InputError(FieldError):
    """A value of the wrong kind in a request: a 400 that names the field (services/errors.py answers it)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class Refusal(ValueError):
    """A refusal with its message (an i18n Message): shown on the page, returned as 400 by REST; nothing changed.
    The séance (SeanceError) and the act (acts/) refuse with it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def translated(self, request=None):
        return translate(self.message, context=request or getRequest())


def refuse(message):
    """Refuse with `message`, an i18n Message written where it is raised (so that i18ndude finds it)."""
    raise Refusal(message)


def text(data, field, default=""):
    """A string (absent or null: `default`)."""
    value = data.get(field)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InputError(_("input_text", default="${field} must be a text.", mapping={"field": field}), field)
    return value


def flag(data, field, default=False):
    """true or false, nothing else ("oui", 1 or "true" are refused, not guessed)."""
    value = data.get(field)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InputError(_("input_flag", default="${field} must be true or false.", mapping={"field": field}), field)
    return value


def texts(data, field):
    """A list of strings (uids, user ids); absent or null: an empty list."""
    value = data.get(field)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(_("input_texts", default="${field} must be a list of texts.", mapping={"field": field}), field)
    return value


def batch_start(form):
    """The first row of a page (``b_start``): a whole number of 0 or more, anything else is the first page."""
    raw = form.get("b_start", "")
    return int(raw) if isinstance(raw, str) and raw.isascii() and raw.isdigit() else 0


def form_text(form, name):
    """A query's text parameter, stripped; a repeated one (a list) or a record is no text: empty, as if absent."""
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""
