"""Cross-site request forgery on the REST API.

plone.protect guards the Classic forms, not plone.rest services: a page of another site could make the browser of a
logged-in élu or secretary POST to ``@presence`` or ``@convocation-send`` with its session cookie (a ``text/plain``
body needs no CORS preflight). A change through a REST service therefore needs, when its credentials ride on a
cookie, either the browser's proof that the call comes from this site (``Origin``, or ``Referer`` when a browser
sends no Origin) or plone.protect's token (``X-CSRF-TOKEN`` header or ``_authenticator``). A call carrying its own
``Authorization`` header (Basic, or the JWT of ``@login`` as Bearer) cannot be forged by another site: it passes.
"""

from AccessControl import getSecurityManager
from collective.deliberations import _
from collective.deliberations.interfaces import IBrowserLayer
from plone.protect.authenticator import isAnonymousUser
from plone.rest.interfaces import IService
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.component import getMultiAdapter
from zope.component.hooks import getSite
from zope.i18n import translate


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SESSION_COOKIES = ("__ac", "auth_token")  # plone.session's ticket; plone.restapi's JWT when kept in a cookie


def origin(url):
    parts = urlsplit(url or "")
    return (parts.scheme.lower(), parts.netloc.lower()) if parts.scheme and parts.netloc else None


def sent_from_this_site(request):
    """The browser's word on where the call comes from (Origin; without it, Referer) is this site's own origin."""
    source = request.getHeader("Origin") or request.getHeader("Referer")
    return source is not None and origin(source) == origin(getSite().absolute_url())


def rides_on_cookie(request):
    """Credentials that the browser adds by itself: a session cookie, and no Authorization header (Basic or
    Bearer), which another site's page cannot make a browser send."""
    return any(name in request.cookies for name in SESSION_COOKIES) and not getattr(request, "_auth", None)


def carries_token(request):
    return getMultiAdapter((getSite(), request), name="authenticator").verify()


def needs_proof(request):
    return (
        IBrowserLayer.providedBy(request)
        and request.method in UNSAFE_METHODS
        and IService.providedBy(request.get("PUBLISHED"))
        and rides_on_cookie(request)
        and not isAnonymousUser(getSecurityManager().getUser())
    )


def refuse(request):
    message = _("csrf_refused", default="This change did not come from this site: reload the page and try again.")
    raise Forbidden(translate(message, context=request))


def refuse_forged_rest_calls(event):
    """IPubAfterTraversal: the user is known, nothing has run yet."""
    request = event.request
    if needs_proof(request) and not (sent_from_this_site(request) or carries_token(request)):
        refuse(request)


def refuse_forged_change(request):
    """For a page that changes something on POST: this site's token when the browser holds the credentials."""
    if rides_on_cookie(request) and not carries_token(request):
        refuse(request)
