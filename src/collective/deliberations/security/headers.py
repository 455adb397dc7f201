"""The security headers of every answer of the site, in one place (a subscriber of the publisher's last events).

- ``Content-Security-Policy``: scripts, styles, images, fonts and frames from the site itself only; no plugin, no
  foreign ``<base>``, no framing by another site, forms posted to the site only. Plone Classic's pages (TinyMCE, the
  mockup patterns) and the product's pages and viewer run under it (tests/security/test_headers_chromium.py).
- ``X-Content-Type-Options: nosniff`` and a ``Referrer-Policy`` that keeps the site's addresses inside it.
- ``Cache-Control: private, no-store`` on what must not stay in a cache: a confidential or internal document
  (whatever view serves it: @@download, @@display-file, @@images, the viewer), and the dossier of a séance
  (@@dossier, @@dossier.pdf, @@dossier.zip, REST @dossier), which holds them.
- The session cookie ``Secure`` when the request came over https (directly, or through a proxy that says so in
  ``X-Forwarded-Proto``); plone.session already makes it ``HttpOnly`` and ``SameSite=Lax``.

A view that sets its own header (the personal link's ``no-referrer``) keeps it. ``X-Powered-By``, which Zope writes
itself, is taken off by the WSGI application (wsgi.py).
"""

from collective.deliberations.behaviors.document import document_state
from collective.deliberations.behaviors.document import IDocumentFlags
from collective.deliberations.interfaces import IBrowserLayer


CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",  # mockup's folder contents builds its rows with underscore templates
        "style-src 'self' 'unsafe-inline'",  # TinyMCE and the mockup patterns write style attributes
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    )
)
DEFAULTS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
NOT_STORED = "private, no-store"
DOSSIER_VIEWS = frozenset({"dossier", "dossier.pdf", "dossier.zip", "@dossier"})
SESSION_COOKIES = ("__ac",)


def is_https(request):
    forwarded = (request.getHeader("X-Forwarded-Proto") or "").split(",")[0].strip().lower()
    return forwarded == "https" or str(request.get("SERVER_URL", "")).startswith("https://")


def confidential_document(request):
    """A confidential or internal document among what the request went through (a file or one of its views)."""
    for obj in request.get("PARENTS", ()):
        flags = IDocumentFlags(obj, None)
        if flags is not None and getattr(obj, "portal_type", None) == "File":
            return document_state(flags) != "publishable"
    return False


def dossier(request):
    name = str(request.get("PATH_INFO", "")).rstrip("/").rsplit("/", 1)[-1]
    return name.removeprefix("@@") in DOSSIER_VIEWS


def must_not_be_stored(request):
    return dossier(request) or confidential_document(request)


def secure_session_cookie(request, response):
    if is_https(request):
        for name in SESSION_COOKIES:
            if name in response.cookies:
                response.cookies[name]["secure"] = True


def set_security_headers(event):
    """IPubBeforeCommit, IPubBeforeAbort, IPubBeforeStreaming: the answer is complete, not yet sent."""
    request = event.request
    if not IBrowserLayer.providedBy(request):
        return
    response = request.response
    for name, value in DEFAULTS.items():
        if not response.getHeader(name):
            response.setHeader(name, value)
    if must_not_be_stored(request):
        response.setHeader("Cache-Control", NOT_STORED)
    secure_session_cookie(request, response)
