"""The invitation defines the zone its DTSTART names (RFC 5545 3.2.19): read by vobject, an iCalendar parser that
is not ours, the séance falls at the right UTC time in winter (UTC+1) and in summer (UTC+2)."""

from .conftest import convene
from datetime import datetime
from datetime import UTC
from plone import api

import pytest
import transaction
import vobject


@pytest.mark.parametrize(("month", "utc_hour"), [(1, 17), (7, 16)], ids=["winter", "summer"])
def test_the_invitation_defines_europe_paris(site, inbox, month, utc_hour):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Paris")  # the site's zone (Paramètres du site)
    year = datetime.now().year + 1
    site.session.start = datetime(year, month, 20, 18, 30)
    transaction.commit()
    convene(site.session)
    message = inbox.to("elu@example.org")[0]
    ics = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"][0].get_content()
    assert "DTSTART;TZID=Europe/Paris:" in ics
    calendar = vobject.readOne(ics)
    assert [zone.tzid.value for zone in calendar.vtimezone_list] == ["Europe/Paris"]
    start = calendar.vevent.dtstart.value
    assert start.tzinfo is not None
    assert start.astimezone(UTC) == datetime(year, month, 20, utc_hour, 30, tzinfo=UTC)
