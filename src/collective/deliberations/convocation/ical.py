"""The iCalendar invitation of a session (RFC 5545/5546): REQUEST, again with a higher SEQUENCE when the session
moves, CANCEL when it is cancelled.

Its DTSTART names the site's zone (TZID=Europe/Paris), so the calendar defines it in a VTIMEZONE (RFC 5545 3.2.19,
3.6.5): for Europe/Paris the EU rule since 1996 (last Sunday of March and of October) as two RRULEs, which every
client reads; for another zone, icalendar's own transitions (add_missing_timezones)."""

from collective.deliberations.convocation.storage import now
from datetime import timedelta
from icalendar import Calendar
from icalendar import Event
from icalendar import Timezone
from icalendar import vCalAddress
from plone import api
from zoneinfo import ZoneInfo


def local_zone():
    name = api.portal.get_registry_record("plone.portal_timezone", default=None) or "Europe/Paris"
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("Europe/Paris")


def aware(value):
    return value if value.tzinfo else value.replace(tzinfo=local_zone())


EUROPE_PARIS = """BEGIN:VTIMEZONE
TZID:Europe/Paris
BEGIN:DAYLIGHT
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZNAME:CEST
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZNAME:CET
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
"""


def add_timezones(calendar):
    """The VTIMEZONE of each TZID the calendar's events use, before them (RFC 5545 3.6.5)."""
    if "Europe/Paris" in calendar.get_missing_tzids():
        calendar.subcomponents.insert(0, Timezone.from_ical(EUROPE_PARIS))
    calendar.add_missing_timezones()
    return calendar


def invitation(session, recipient, method, sequence, sender, dossier_url):
    calendar = Calendar()
    calendar.add("prodid", "-//collective.deliberations//Convocation//FR")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", f"{session.UID()}@collective.deliberations")
    event.add("sequence", sequence)
    event.add("dtstamp", now())
    start = aware(session.start)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(hours=3))
    event.add("summary", session.Title())
    if session.place:
        event.add("location", session.place)
    event.add("url", dossier_url)
    event.add("description", dossier_url)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{sender}")
    organizer.params["cn"] = api.portal.get_registry_record("plone.email_from_name", default="") or sender
    event["organizer"] = organizer
    attendee = vCalAddress(f"mailto:{recipient.email}")
    attendee.params["cn"] = recipient.fullname
    attendee.params["role"] = "REQ-PARTICIPANT" if recipient.kind == "convocation" else "OPT-PARTICIPANT"
    attendee.params["rsvp"] = "TRUE"
    event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return add_timezones(calendar).to_ical()
