"""Cross-site request forgery on the REST API: another site's page cannot make a logged-in browser change anything.

The forged call is what a foreign page can send without a CORS preflight: a POST with a ``text/plain`` body, the
browser adding the session cookie and the foreign ``Origin``. The same call from this site's own pages (its Origin,
or the plone.protect token), and calls with their own credentials (Basic, the JWT of ``@login``), are served.
"""

from collective.deliberations.archives.retention import own_hold
from collective.deliberations.convocation.storage import get_convocation
from convocation.conftest import convene
from convocation.conftest import inbox  # noqa: F401  (fixture)
from convocation.conftest import PASSWORD
from convocation.conftest import site  # noqa: F401  (fixture)
from convocation.conftest import smtp_server  # noqa: F401  (fixture)
from lxml import html
from plone import api

import json
import pytest
import transaction


FOREIGN = "https://attaquant.example.net"


def logged_in_by_cookie(request_factory, user_id):
    """A browser that logged in through Plone's login form: it holds the ``__ac`` session cookie, no header."""
    browser = request_factory(api=False)
    form = html.fromstring(browser.get("login").text).xpath('//form[.//input[@name="__ac_password"]]')[0]
    fields = {field.name: field.value for field in form.inputs if field.name and field.type != "submit"}
    fields.update({"__ac_name": user_id, "__ac_password": PASSWORD, "buttons.login": "login"})
    browser.post("login", data=fields)
    assert "__ac" in browser.cookies, f"{user_id} could not log in"
    return browser


def with_bearer(request_factory, user_id):
    """A client of the REST API: the JWT of ``@login``, sent as a Bearer header."""
    client = request_factory()
    answer = client.post("@login", json={"login": user_id, "password": PASSWORD})
    assert answer.status_code == 200, answer.text[:300]
    token = answer.json()["token"]
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def with_basic(request_factory, user_id):
    return request_factory(basic_auth=(user_id, PASSWORD), api=False)


def token_of(browser):
    """plone.protect's token, as a page of the site gives it to its own scripts."""
    page = html.fromstring(browser.get("@@personal-information").text)
    return page.xpath('//input[@name="_authenticator"]/@value')[0]


def calls(world):
    """The five changes of the review (who, method, URL, body), on a convened séance."""
    session_url = world.session.absolute_url()
    return [
        ("elu", "POST", f"{session_url}/@presence", {"answer": "absent"}),
        ("secretaire", "POST", f"{world.deliberation.absolute_url()}/@workflow/withdraw", {}),
        ("secretaire", "POST", f"{session_url}/@convocation-send", {"recipient": "elu2"}),
        ("archiviste", "POST", f"{session_url}/@legal-hold", {"reason": "Recours au tribunal"}),
        ("secretaire", "POST", f"{world.portal.absolute_url()}/@sync-memberships", {}),
    ]


def send(client, method, url, body, **headers):
    headers = {"Accept": "application/json", "Content-Type": "text/plain", **headers}
    return client.request(method, url, data=json.dumps(body), headers=headers, allow_redirects=False)


def what_changed(world, inbox):  # noqa: F811
    transaction.begin()  # a fresh view of the database
    answer = get_convocation(world.session).get("elu").answer()
    return {
        "answer": answer and answer["answer"],
        "state": api.content.get_state(world.deliberation),
        "resent": len(inbox.to("elu2@example.org")),
        "held": own_hold(world.session) is not None,
    }


@pytest.fixture
def convened(site, inbox):  # noqa: F811
    convene(site.session)
    inbox.clear()
    return site


@pytest.mark.parametrize("without", ["origin", "null-origin", "foreign-referer"])
def test_forged_calls_with_the_session_cookie_are_refused(convened, inbox, request_factory, without):  # noqa: F811
    before = what_changed(convened, inbox)
    headers = {
        "origin": {"Origin": FOREIGN},
        "null-origin": {"Origin": "null"},
        "foreign-referer": {"Referer": f"{FOREIGN}/page.html"},
    }[without]
    for user_id, method, url, body in calls(convened):
        response = send(logged_in_by_cookie(request_factory, user_id), method, url, body, **headers)
        assert response.status_code == 403, (url, response.status_code, response.text[:300])
        assert response.json()["message"] == (
            "Cette modification ne vient pas de ce site : rechargez la page et recommencez."
        )
    assert what_changed(convened, inbox) == before


@pytest.mark.parametrize("proof", ["same-origin", "same-referer", "token", "basic", "bearer"])
def test_calls_from_the_site_or_with_their_own_credentials_are_served(convened, inbox, request_factory, proof):  # noqa: F811
    portal_url = convened.portal.absolute_url()
    for user_id, method, url, body in calls(convened):
        headers = {"Origin": FOREIGN}  # ignored when the call carries its own credentials
        if proof == "basic":
            client = with_basic(request_factory, user_id)
        elif proof == "bearer":
            client = with_bearer(request_factory, user_id)
        else:
            client = logged_in_by_cookie(request_factory, user_id)
            headers = {
                "same-origin": {"Origin": portal_url.split("/plone")[0]},
                "same-referer": {"Referer": f"{portal_url}/@@dossier"},
                "token": {"X-CSRF-TOKEN": token_of(client)},
            }[proof]
        response = send(client, method, url, body, **headers)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
    changed = what_changed(convened, inbox)
    assert (changed["answer"], changed["state"], changed["resent"], changed["held"]) == ("absent", "withdrawn", 1, True)
