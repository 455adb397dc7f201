"""@@convocation-rappels: opening the page sends nothing; the reminders leave on a POST that this site made."""

from .conftest import authenticator
from .conftest import convene
from .conftest import PASSWORD
from collective.deliberations.convocation.storage import get_convocation
from lxml import html
from plone import api

import transaction


def logged_in_by_cookie(request_factory, user_id):
    browser = request_factory(api=False)
    browser.headers["Accept"] = "text/html"
    form = html.fromstring(browser.get("login").text).xpath('//form[.//input[@name="__ac_password"]]')[0]
    fields = {field.name: field.value for field in form.inputs if field.name and field.type != "submit"}
    browser.post("login", data={**fields, "__ac_name": user_id, "__ac_password": PASSWORD, "buttons.login": "login"})
    assert "__ac" in browser.cookies
    return browser


def reminded(site):
    transaction.begin()
    return get_convocation(site.session).reminded_at is not None


def test_the_reminders_page_sends_only_on_a_post_of_this_site(site, inbox, request_factory):
    api.user.create(username="gestionnaire", email="g@example.org", password=PASSWORD, roles=["Manager"])
    api.portal.set_registry_record("collective.deliberations.convocation.reminder_days", 15)  # the séance: in 10 days
    transaction.commit()
    convene(site.session)
    inbox.clear()
    manager = logged_in_by_cookie(request_factory, "gestionnaire")
    page = manager.get("@@convocation-rappels")
    assert page.status_code == 200
    form = html.fromstring(page.text).xpath('//form[@id="reminders-form"]')[0]
    assert form.get("method") == "post"
    assert "Séances à rappeler aujourd'hui : 1" in " ".join(page.text.split())
    assert not reminded(site) and inbox.to("elu@example.org") == []
    forged = manager.post("@@convocation-rappels", headers={"Origin": "https://attaquant.example.net"})
    assert forged.status_code == 403
    assert not reminded(site) and inbox.to("elu@example.org") == []
    sent = manager.post("@@convocation-rappels", data={"_authenticator": authenticator(page.text)})
    assert sent.status_code == 200
    assert "1 rappel(s)" in sent.text
    assert reminded(site)
    assert [m["Subject"] for m in inbox.to("elu@example.org")] == ["Rappel : Séance"]
