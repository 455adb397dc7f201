"""Shared bits of the archives' REST services: errors in the user's language (services/errors.py), no CSRF token."""

from collective.deliberations.services import errors
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


def error(service, status, message, **extra):
    return errors.error(service.request, status, message, **extra)


def no_csrf(request):
    alsoProvides(request, IDisableCSRFProtection)
