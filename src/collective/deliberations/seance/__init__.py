"""Holding the séance: roll call, proxies, quorum, votes, numbering of the adopted acts, @ctes transmission."""

from zope.globalrequest import getRequest
from zope.i18n import translate


class SeanceError(ValueError):
    """A refusal with its message (an i18n Message): shown on the page, returned as 400 by REST; nothing changed."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def translated(self, request=None):
        return translate(self.message, context=request or getRequest())


def refuse(message):
    """Refuse with `message`, an i18n Message written where it is raised (so that i18ndude finds it)."""
    raise SeanceError(message)
