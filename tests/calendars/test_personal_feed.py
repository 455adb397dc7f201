"""An official's personal calendar: made on @@mon-calendrier (shown once, only its hash kept), it gives, without
login, the séances of every body where the official sits (read by vobject); a planned séance is not there; a
regenerated or revoked address finds nothing (404)."""

from convocation.conftest import authenticator
from convocation.conftest import browser  # noqa: F401  (fixture)
from convocation.conftest import convene
from convocation.conftest import inbox  # noqa: F401  (fixture)
from convocation.conftest import site  # noqa: F401  (fixture)
from convocation.conftest import smtp_server  # noqa: F401  (fixture)
from lxml import html
from plone import api
from zope.annotation.interfaces import IAnnotations

import transaction
import vobject


def make_address(browser, action="generate"):  # noqa: F811
    elu = browser("elu")
    url = f"{api.portal.get().absolute_url()}/@@mon-calendrier"
    page = elu.get(url)
    response = elu.post(url, data={"_authenticator": authenticator(page.text), action: "1"})
    assert response.status_code == 200
    found = html.fromstring(response.text).xpath('//input[@id="calendar-address"]/@value')
    return found[0] if found else None


def test_the_personal_address_gives_the_officials_seances_until_revoked(site, inbox, browser):  # noqa: F811
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Paris")
    commission = api.content.create(site.commission, "Session", id="com", title="Commission", start=site.session.start)
    planned = api.content.create(site.council, "Session", id="prevue", title="Prévue", start=site.session.start)
    site.information(session=commission)
    transaction.commit()
    convene(site.session)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(commission, "convene")
    transaction.commit()
    address = make_address(browser)
    assert address and "/@@calendrier-personnel/" in address
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    transaction.begin()
    assert token not in repr(dict(IAnnotations(api.portal.get())["collective.deliberations.calendar_tokens"]))
    anonymous = browser()
    response = anonymous.get(address)
    assert response.status_code == 200 and response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = vobject.readOne(response.content.decode("utf-8"))
    uids = {event.uid.value.split("@")[0] for event in calendar.vevent_list}
    assert uids == {site.session.UID(), commission.UID()}  # the council's and the commission's, not the planned one
    assert planned.UID() not in uids
    assert [zone.tzid.value for zone in calendar.vtimezone_list] == ["Europe/Paris"]
    second = make_address(browser)  # regenerate: the first stops working
    assert anonymous.get(address).status_code == 404 and anonymous.get(second).status_code == 200
    assert make_address(browser, "revoke") is None
    assert anonymous.get(second).status_code == 404
    assert (
        anonymous.get(f"{api.portal.get().absolute_url()}/@@calendrier-personnel/nimportequoi.ics").status_code == 404
    )


def test_my_sessions_leads_to_my_calendar(site, browser):  # noqa: F811
    elu = browser("elu")
    elu.headers["Accept-Language"] = "fr"
    page = html.fromstring(elu.get(f"{api.portal.get().absolute_url()}/@@mes-seances").text)
    link = page.xpath('//a[@class="my-calendar-link"]')[0]
    assert link.text_content().strip() == "M'abonner à mes séances dans mon agenda"
    mine = html.fromstring(elu.get(link.get("href")).text)
    assert mine.xpath("string(//h1)") == "Mon agenda des séances"
    assert browser().get(link.get("href")).status_code in (401, 403) or "login" in browser().get(link.get("href")).url
