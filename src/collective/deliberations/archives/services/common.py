"""Shared bits of the archives' REST services: errors in the user's language, JSON bodies."""

from plone.protect.interfaces import IDisableCSRFProtection
from zope.i18n import translate
from zope.interface import alsoProvides


def error(service, status, message, **extra):
    service.request.response.setStatus(status)
    text = translate(message, context=service.request)  # a plain str comes back as it is
    return {"error": {"type": "BadRequest" if status == 400 else "Error", "message": text, **extra}}


def no_csrf(request):
    alsoProvides(request, IDisableCSRFProtection)
