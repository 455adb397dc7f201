"""The security headers of the site's answers (security/headers.py), the session cookie behind https, and the
instance's WSGI application that does not name its software (wsgi.py)."""

from convocation.conftest import convene
from convocation.conftest import inbox  # noqa: F401  (fixture)
from convocation.conftest import PASSWORD
from convocation.conftest import site  # noqa: F401  (fixture)
from convocation.conftest import smtp_server  # noqa: F401  (fixture)
from lxml import html
from plone import api
from plone.namedfile.file import NamedBlobFile

import pytest
import requests
import transaction


def get(url, user=None, **headers):
    auth = None if user is None else (user, PASSWORD)
    return requests.get(url, auth=auth, headers=headers, allow_redirects=False, timeout=120)


@pytest.fixture
def dossier(site, inbox):  # noqa: F811
    """A convened séance whose projet has a publishable, a confidential and an internal document."""
    flags = {"publique": {}, "confidentielle": {"confidential": True}, "interne": {"publishable": False}}
    site.documents = {}
    with api.env.adopt_user(username="secretaire"):
        for name, flag in flags.items():
            site.documents[name] = api.content.create(
                site.deliberation, "File", id=f"annexe-{name}", title=f"Annexe {name}",
                file=NamedBlobFile(b"%PDF-1.4 annexe", filename=f"annexe-{name}.pdf"), **flag,
            )  # fmt: skip
    transaction.commit()
    convene(site.session)
    return site


def test_every_answer_carries_the_security_headers(dossier):
    portal_url = dossier.portal.absolute_url()
    answers = {
        "page": get(portal_url, Accept="text/html"),
        "logged-in page": get(dossier.session.absolute_url(), "secretaire", Accept="text/html"),
        "REST": get(portal_url, "elu", Accept="application/json"),
        "not found": get(f"{portal_url}/rien-ici", Accept="text/html"),
    }
    for what, answer in answers.items():
        policy = answer.headers.get("Content-Security-Policy", "")
        for directive in ("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'"):
            assert directive in policy, (what, policy)
        assert answer.headers.get("X-Content-Type-Options") == "nosniff", what
        assert answer.headers.get("Referrer-Policy") == "same-origin", what
    assert answers["not found"].status_code == 404


def test_confidential_and_internal_documents_are_never_stored(dossier):
    for name, document in dossier.documents.items():
        for view in ("@@download/file", "@@display-file/file", ""):
            answer = get(f"{document.absolute_url()}/{view}", "secretaire")
            assert answer.status_code == 200, (name, view, answer.status_code)
            stored = "no-store" not in answer.headers.get("Cache-Control", "")
            assert stored is (name == "publique"), (name, view, answer.headers.get("Cache-Control"))
    confidential = get(f"{dossier.documents['confidentielle'].absolute_url()}/@@download/file", "elu")
    assert confidential.status_code == 200 and confidential.headers["Cache-Control"] == "private, no-store"


def test_the_dossier_is_never_stored(dossier):
    session_url = dossier.session.absolute_url()
    for view in ("@@dossier", "@@dossier.pdf", "@@dossier.zip"):
        answer = get(f"{session_url}/{view}", "elu")
        assert answer.status_code == 200, (view, answer.text[:300])
        assert answer.headers["Cache-Control"] == "private, no-store", view
    answer = get(f"{session_url}/@dossier", "elu", Accept="application/json")
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "private, no-store"
    assert "no-store" not in get(session_url, "elu", Accept="text/html").headers.get("Cache-Control", "")


def log_in(request_factory, **headers):
    """Plone's login form; the answer that sets the session cookie, as the server wrote it."""
    browser = request_factory(api=False)
    form = html.fromstring(browser.get("login").text).xpath('//form[.//input[@name="__ac_password"]]')[0]
    fields = {field.name: field.value for field in form.inputs if field.name and field.type != "submit"}
    fields.update({"__ac_name": "elu", "__ac_password": PASSWORD, "buttons.login": "login"})
    answer = browser.post("login", data=fields, headers=headers, allow_redirects=False)
    cookie = next(c for c in answer.raw.headers.getlist("Set-Cookie") if c.startswith("__ac="))
    return {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}


def test_the_session_cookie_is_secure_behind_https(site, request_factory):  # noqa: F811
    behind_https = log_in(request_factory, **{"X-Forwarded-Proto": "https"})
    assert {"secure", "httponly", "samesite"} <= behind_https
    assert "secure" not in log_in(request_factory)  # plain http, as in development: the browser would drop it


def test_the_instance_names_no_software(functional_portal, monkeypatch):
    """The instance's application (zope.ini: egg:collective.deliberations#main) around Zope's publisher, which is
    what Zope's own factory returns once it has read zope.conf."""
    from collective.deliberations import wsgi
    from webtest import TestApp
    from ZPublisher.WSGIPublisher import publish_module

    assert "X-Powered-By" in TestApp(publish_module).get("/plone", expect_errors=True).headers  # Zope's own
    monkeypatch.setattr(wsgi, "zope_make_wsgi_app", lambda global_config, zope_conf: publish_module)
    answer = TestApp(wsgi.make_wsgi_app({}, "zope.conf")).get("/plone", expect_errors=True)
    assert answer.status_int == 200
    assert "X-Powered-By" not in answer.headers
    assert "Zope" not in answer.headers.get("Server", "") and "Python" not in answer.headers.get("Server", "")
