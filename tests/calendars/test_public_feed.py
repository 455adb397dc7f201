"""@@seances-publiques.ics: the public séances as an iCalendar feed (RFC 5545), read by vobject, a parser that is
not ours: an anonymous GET gives text/calendar with the VTIMEZONE it names, one VEVENT per public séance convened
(UID, DTSTAMP, SEQUENCE, LAST-MODIFIED, SUMMARY, LOCATION, URL, STATUS); a huis clos séance, a commission's or a
planned one never appears; a cancelled one says CANCELLED. The portal's page links it."""

from convocation.conftest import convene
from convocation.conftest import inbox  # noqa: F401  (fixture)
from convocation.conftest import site  # noqa: F401  (fixture)
from convocation.conftest import smtp_server  # noqa: F401  (fixture)
from datetime import datetime
from datetime import UTC
from lxml import html
from plone import api

import transaction
import vobject


def feed(request_factory):
    response = request_factory(api=False).get(f"{api.portal.get().absolute_url()}/@@seances-publiques.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return vobject.readOne(response.content.decode("utf-8"))


def events(calendar):
    return {event.uid.value: event for event in getattr(calendar, "vevent_list", [])}


def test_the_public_feed_lists_the_public_seances_only(site, inbox, request_factory):  # noqa: F811
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Paris")
    year = datetime.now().year + 1
    site.session.start = datetime(year, 7, 20, 18, 30)
    site.session.place = "Salle du conseil"
    closed = api.content.create(site.council, "Session", id="huis-clos", title="Huis clos", start=site.session.start)
    closed.public = False
    commission = api.content.create(
        site.commission, "Session", id="commission", title="Commission", start=site.session.start
    )
    planned = api.content.create(site.council, "Session", id="prevue", title="Prévue", start=site.session.start)
    transaction.commit()
    assert not events(feed(request_factory))  # nothing convened yet
    with api.env.adopt_roles(["Manager"]):
        for session in (closed, commission):
            site.information(session=session)
            api.content.transition(session, "convene")
    convene(site.session)
    calendar = feed(request_factory)
    assert [zone.tzid.value for zone in calendar.vtimezone_list] == ["Europe/Paris"]
    found = events(calendar)
    uid = f"{site.session.UID()}@collective.deliberations"
    assert list(found) == [uid], found  # neither the huis clos, nor the commission's, nor the planned séance
    assert not {closed.UID(), commission.UID(), planned.UID()} & {key.split("@")[0] for key in found}
    event = found[uid]
    assert event.dtstart.value.astimezone(UTC) == datetime(year, 7, 20, 16, 30, tzinfo=UTC)
    assert event.summary.value == f"Conseil communautaire : séance du 20/07/{year} à 18h30"
    assert event.location.value == "Salle du conseil" and event.url.value == site.session.absolute_url()
    assert event.status.value == "CONFIRMED" and event.dtstamp.value and event.last_modified.value
    assert event.sequence.value == "0"
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(site.session, "cancel")
    transaction.commit()
    event = events(feed(request_factory))[uid]
    assert event.status.value == "CANCELLED" and int(event.sequence.value) == 1


def test_the_public_page_links_the_feed(site, request_factory):  # noqa: F811
    client = request_factory(api=False)
    client.headers["Accept"] = "text/html"
    client.headers["Accept-Language"] = "fr"
    page = html.fromstring(client.get(f"{api.portal.get().absolute_url()}/@@seances-publiques").text)
    url = f"{api.portal.get().absolute_url()}/@@seances-publiques.ics"
    assert page.xpath('//link[@rel="alternate"][@type="text/calendar"]/@href') == [url]
    link = page.xpath('//a[@class="portal-calendar-link"]')[0]
    assert link.get("href") == url and link.text_content().strip().startswith("S'abonner aux séances publiques")
