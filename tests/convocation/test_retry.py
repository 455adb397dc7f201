"""The SMTP server is down: nothing is lost, each recipient shows its attempts and its next automatic try, later
and later; once the server is back, the retriers (two here, as two Zope processes would run) send each message
once."""

from .conftest import authenticator
from .conftest import convene
from .conftest import free_port
from .conftest import Inbox
from .conftest import personal_link
from .conftest import point_mailhost
from aiosmtpd.controller import Controller
from collective.deliberations.convocation import retry
from collective.deliberations.convocation import sending
from collective.deliberations.convocation.storage import get_convocation
from lxml import html
from plone import api

import re
import time
import transaction


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        transaction.begin()
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_sends_left_by_a_server_down_go_by_themselves_once_it_is_back(site, inbox, browser, monkeypatch):
    monkeypatch.setattr(sending, "FIRST_DELAY", 1.0)
    port = free_port()  # nothing listens there yet
    point_mailhost(port)
    transaction.commit()
    convene(site.session)
    convocation = get_convocation(site.session)
    elu = convocation.get("elu")
    assert elu.status == "failed" and elu.outbox and elu.next_try_at is not None
    db = site.session._p_jar.db()
    retriers = [retry.start_retrier(db, interval=0.2), retry.start_retrier(db, interval=0.2)]
    server = None
    try:
        # still down: tried again automatically, each time later (1 s, then 2 s, then 4 s after the failure)
        assert wait_for(lambda: get_convocation(site.session).get("elu").failed_in_a_row >= 3)
        elu = get_convocation(site.session).get("elu")
        assert elu.status == "failed" and elu.outbox and elu.attempts >= 3
        gap = (elu.next_try_at - elu.failures[-1]["at"]).total_seconds()
        assert 2 ** (elu.failed_in_a_row - 1) - 0.5 <= gap <= 2 ** (elu.failed_in_a_row - 1) + 0.5
        page = html.fromstring(browser("secretaire").get(f"{site.session.absolute_url()}/@@convocation-suivi").text)
        cell = " ".join(page.xpath('//*[@id="recipient-elu"]')[0].text_content().split())
        assert "Prochain essai automatique" in cell and f"Essais : {elu.attempts}" in cell
        assert inbox.to("elu@example.org") == []

        back = Inbox()
        server = Controller(back, hostname="127.0.0.1", port=port)
        server.start()
        assert wait_for(lambda: all(r.status == "sent" for r in get_convocation(site.session).all()))
        time.sleep(1)  # let a second sending, if there were one, arrive
    finally:
        for retrier in retriers:
            retrier.stop()
        if server is not None:
            server.stop()
    assert len(back.to("elu@example.org")) == 1 and len(back.to("elu2@example.org")) == 1
    transaction.begin()
    elu = get_convocation(site.session).get("elu")
    assert elu.next_try_at is None and not elu.outbox and elu.messages[-1]["kind"] == "convocation"
    assert "@@convocation-lien/" in back.to("elu@example.org")[0].get_body(("plain",)).get_content()


def test_a_retried_message_is_in_the_sites_language_with_the_link_of_the_first_send(site, inbox, browser, monkeypatch):
    """The retrier runs without a request: its messages are still French, with French dates, and their link is
    the site's address as the convening request saw it (never the thread's own, never 127.0.0.1)."""
    monkeypatch.setattr(sending, "FIRST_DELAY", 0.2)
    port = free_port()
    point_mailhost(port)
    transaction.commit()
    convene(site.session)
    token = get_convocation(site.session).get("elu").token
    first_link = f"{api.portal.get().absolute_url()}/@@convocation-lien/{token}"  # what the convening request saw
    # meanwhile the secretariat sends again to another member from the server itself, by its address 127.0.0.1
    secretariat = browser("secretaire")
    followup = f"{site.session.absolute_url()}/@@convocation-suivi".replace("//localhost", "//127.0.0.1")
    page = secretariat.get(followup)
    secretariat.post(followup, data={"recipient": "elu2", "resend": "1", "_authenticator": authenticator(page.text)})
    back = Inbox()
    server = Controller(back, hostname="127.0.0.1", port=port)
    server.start()
    retrier = retry.start_retrier(site.session._p_jar.db(), interval=0.2)
    try:
        assert wait_for(lambda: all(r.status == "sent" for r in get_convocation(site.session).all()))
    finally:
        retrier.stop()
        server.stop()
    message = back.to("elu@example.org")[0]
    text = message.get_body(("plain",)).get_content()
    assert message["Subject"] == "Convocation : Séance"
    assert "Bonjour Élu du conseil et de la commission," in text and "Vous êtes convoqué(e)" in text
    assert "Date and time" not in text and "Dear" not in text
    assert re.search(r"Date et heure : \w+ \d+ \w+ \d{4} à \d+ h \d\d", text), text
    assert personal_link(message) == first_link and "127.0.0.1" not in first_link
    assert "127.0.0.1" not in personal_link(back.to("elu2@example.org")[-1])
