"""The iCalendar feed of the public séances (RFC 5545): what @@seances-publiques shows, as a calendar a client
subscribes to. Only a séance an anonymous visitor may View (convened, held or closed: the workflow) and that is
public (security/disclosure.py: never a huis clos séance, never a commission's); a public one cancelled after it was
convened stays, with STATUS:CANCELLED and no URL, for the calendars that hold it. Each VEVENT: a UID stable per
séance (the invitations' own), DTSTAMP, SEQUENCE (the invitations') and LAST-MODIFIED, SUMMARY (body and date),
LOCATION, URL; the VTIMEZONE of Europe/Paris (RFC 5545 3.2.19)."""

from AccessControl.SpecialUsers import nobody
from collective.deliberations.convocation.ical import add_timezones
from collective.deliberations.convocation.ical import aware
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.security.disclosure import session_is_public
from datetime import timedelta
from datetime import UTC
from icalendar import Calendar
from icalendar import Event
from plone import api


STATES = ("convened", "held", "closed")


def public_sessions():
    """The séances the public portal may show, as an anonymous visitor sees them, and the public ones cancelled
    after they were convened (their page closes, their cancellation must reach the calendars that hold them)."""
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(user=nobody):
        sessions = [brain.getObject() for brain in catalog.searchResults(portal_type="Session", review_state=STATES)]
    cancelled = catalog.unrestrictedSearchResults(portal_type="Session", review_state="cancelled")
    sessions += [brain._unrestrictedGetObject() for brain in cancelled]
    sessions = [session for session in sessions if session_is_public(session)]
    sessions = [s for s in sessions if get_convocation(s) or api.content.get_state(s, default=None) != "cancelled"]
    return sorted(sessions, key=lambda session: session.start)


def event(session):
    body = session.aq_parent.Title()
    start = aware(session.start)
    modified = session.modified().asdatetime().astimezone(UTC)
    vevent = Event()
    vevent.add("uid", f"{session.UID()}@collective.deliberations")
    vevent.add("dtstamp", modified)
    vevent.add("last-modified", modified)
    vevent.add("sequence", getattr(get_convocation(session), "sequence", 0))  # the invitations' own (same UID)
    vevent.add("dtstart", start)
    vevent.add("dtend", start + timedelta(hours=3))
    vevent.add("summary", f"{body} : séance du {start:%d/%m/%Y à %Hh%M}")
    if session.place:
        vevent.add("location", session.place)
    cancelled = api.content.get_state(session, default=None) == "cancelled"
    if not cancelled:  # a cancelled séance's page is no longer public
        vevent.add("url", session.absolute_url())
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return vevent


def calendar(sessions, name):
    """The VCALENDAR of these séances, as bytes."""
    vcalendar = Calendar()
    vcalendar.add("prodid", "-//collective.deliberations//Calendrier des séances//FR")
    vcalendar.add("version", "2.0")
    vcalendar.add("x-wr-calname", name)
    for session in sessions:
        vcalendar.add_component(event(session))
    return add_timezones(vcalendar).to_ical()
