"""Convening sends one message per member through the SMTP server once the transaction commits."""

from .conftest import convene
from .conftest import personal_link
from .conftest import point_mailhost
from collective.deliberations.convocation.storage import get_convocation
from plone import api

import transaction


def test_convening_sends_one_message_per_member_after_commit(site, inbox):
    with api.env.adopt_user(username="secretaire"):
        api.portal.get_tool("portal_workflow").doActionFor(site.session, "convene")
    assert inbox.messages == []  # nothing leaves before the commit
    transaction.commit()
    transaction.begin()
    assert sorted(rcpt[0] for rcpt, _m in inbox.messages) == ["elu2@example.org", "elu@example.org"]
    message = inbox.to("elu@example.org")[0]
    assert message["Subject"] == "Convocation : Séance"
    assert message["To"] == "Élu du conseil et de la commission <elu@example.org>"
    text = message.get_body(("plain",)).get_content()
    assert "Budget primitif" in text and "@@convocation-lien/" in text
    calendar = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"][0]
    assert calendar.get_param("method") == "REQUEST"
    ics = calendar.get_content()
    assert "METHOD:REQUEST" in ics and "ATTENDEE" in ics and "SEQUENCE:0" in ics
    record = get_convocation(site.session).get("elu")
    assert record.status == "sent" and record.accepted_at >= record.made_available_at
    assert [m["kind"] for m in record.messages] == ["convocation"]


def test_a_failed_transaction_sends_nothing(site, inbox):
    with api.env.adopt_user(username="secretaire"):
        api.portal.get_tool("portal_workflow").doActionFor(site.session, "convene")
    transaction.abort()
    assert inbox.messages == []
    assert api.content.get_state(site.session) == "planned"


def test_server_down_keeps_the_message_and_retry_sends_it(site, inbox, smtp_server):
    from collective.deliberations.convocation.sending import retry_failed

    point_mailhost(1)  # nothing listens there
    transaction.commit()
    convene(site.session)
    record = get_convocation(site.session).get("elu")
    assert record.status == "failed" and record.failures and record.outbox
    assert inbox.messages == []
    point_mailhost(smtp_server.port)
    retry_failed(site.session)
    transaction.commit()
    transaction.begin()
    record = get_convocation(site.session).get("elu")
    assert record.status == "sent" and not record.outbox and record.attempts == 2
    assert len(inbox.to("elu@example.org")) == 1


def test_invalid_and_refused_addresses_are_flagged(site, inbox):
    api.user.get(userid="elu2").setMemberProperties({"email": "refuse@example.org"})
    api.content.create(site.council, "Membership", id="agent", member="agent")
    api.user.get(userid="agent").setMemberProperties({"email": "pas une adresse"})
    transaction.commit()
    convene(site.session)
    convocation = get_convocation(site.session)
    assert convocation.get("elu2").status == "invalid"
    assert "refusée" in convocation.get("elu2").failures[-1]["error"]
    assert convocation.get("agent").status == "invalid"
    assert convocation.get("elu").status == "sent"
    assert [rcpt for rcpt, _m in inbox.messages] == [["elu@example.org"]]


def test_cancelling_sends_a_cancellation(site, inbox):
    convene(site.session)
    inbox.clear()
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(site.session, "cancel")
    transaction.commit()
    message = inbox.to("elu@example.org")[0]
    ics = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"][0].get_content()
    assert "METHOD:CANCEL" in ics and "SEQUENCE:1" in ics and "STATUS:CANCELLED" in ics


def test_a_reminder_goes_once_some_days_before(site, inbox):
    from collective.deliberations.convocation.reminders import send_reminders
    from datetime import timedelta

    convene(site.session)
    inbox.clear()
    start = site.session.start.date()
    assert send_reminders(today=start - timedelta(days=3)) == []  # 2 days before by default
    assert send_reminders(today=start - timedelta(days=2)) == [site.session]
    transaction.commit()
    message = inbox.to("elu@example.org")[0]
    assert message["Subject"] == "Rappel : Séance"
    assert "@@convocation-lien/" in message.get_body(("plain",)).get_content()
    assert send_reminders(today=start - timedelta(days=1)) == []  # once


def test_the_reminders_page_is_for_managers(site, inbox, request_factory, browser):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    convene(site.session)
    manager = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), api=False)
    answer = manager.post("@@convocation-rappels")
    assert answer.status_code == 200 and answer.text == "0 rappel(s)\n"  # the session is 10 days ahead
    refused = browser("secretaire").post("@@convocation-rappels", allow_redirects=False)
    assert refused.status_code == 302 and "require_login" in refused.headers["Location"]


def test_the_links_use_the_public_address_when_it_is_set(site, inbox):
    api.portal.set_registry_record(
        "collective.deliberations.convocation.public_url", "https://deliberations.example.org/"
    )
    transaction.commit()
    convene(site.session)
    token = get_convocation(site.session).get("elu").token
    assert (
        personal_link(inbox.to("elu@example.org")[0]) == f"https://deliberations.example.org/@@convocation-lien/{token}"
    )


def test_every_background_job_speaks_the_sites_language(site):
    """The request a background thread works with (mail retrier, conversion worker) is French as the site is."""
    from collective.deliberations import _
    from collective.deliberations.background import working_on
    from zope.globalrequest import getRequest
    from zope.i18n import translate

    with working_on(site.session._p_jar.db()) as (_manager, sites):
        for _portal in sites:
            request = getRequest()
            assert request["LANGUAGE"] == "fr"
            assert translate(_("Date and time"), context=request) == "Date et heure"
            assert api.portal.get_localized_time(datetime=site.session.start).count("/") == 2  # 14/12/2026
