"""The iCalendar invitation of a session (RFC 5545/5546): REQUEST, again with a higher SEQUENCE when the session
moves, CANCEL when it is cancelled."""

from collective.deliberations.convocation.storage import now
from datetime import timedelta
from icalendar import Calendar
from icalendar import Event
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
    return calendar.to_ical()
