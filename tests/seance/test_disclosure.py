"""Huis clos and non-public séances on an official's record (REST @attendance, the membership page, the body's
chart) and in the draft procès-verbal: who voted what on a huis clos item stays with those who record the séance,
and a séance made non-public shows nothing to whom may not see it."""

from .test_attendance_history import voted_once
from .test_page import page
from .test_page import words
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import transaction


def huis_clos_budget(held):
    """The first item (public ballot, Léa Petit voted contre through her proxy) was examined in huis clos."""
    held.deliberations[0].huis_clos = True
    voted_once(held)


def test_who_voted_what_in_huis_clos_is_not_on_the_officials_record(held, request_factory, html_browser):
    huis_clos_budget(held)
    for user, sees in ((None, False), ("elu2", False), ("secretaire", True)):
        client = request_factory(basic_auth=(user, "secret-1234")) if user else request_factory()
        record = client.get("conseil/petit/@attendance").json()
        assert record["held"] == 1 and record["sessions"][0]["status"] == "represented", user
        votes = record["sessions"][0]["public_votes"]
        assert (votes == [{"item": "budget-primitif", "title": "Budget primitif", "vote": "contre"}]) is sees, user
        assert sees or votes == [], user
        section = words(page(html_browser(user).get("conseil/petit")).xpath('//section[@id="attendance"]')[0])
        assert ("Budget primitif : Contre" in section) is sees, user


def test_a_seance_made_non_public_shows_nothing_to_anonymous(held, request_factory, html_browser):
    voted_once(held)
    held.session.public = False
    notify(ObjectModifiedEvent(held.session))
    transaction.commit()
    anonymous = request_factory()
    record = anonymous.get("conseil/petit/@attendance").json()
    assert record["sessions"] == [] and record["held"] == 0 and record["rate"] is None
    assert anonymous.get("conseil/seance/@seance").status_code == 401
    section = words(page(html_browser().get("conseil/petit")).xpath('//section[@id="attendance"]')[0])
    assert "Aucune séance tenue pour l'instant." in section and "Budget primitif" not in section
    assert not page(html_browser().get("conseil")).xpath('//section[@id="attendance-chart"]')
    # a member of the body still reads it
    official = request_factory(basic_auth=("elu2", "secret-1234")).get("conseil/petit/@attendance").json()
    assert official["held"] == 1 and official["sessions"][0]["public_votes"][0]["vote"] == "contre"


def test_the_draft_minutes_mark_the_item_examined_in_huis_clos(seance):
    from .test_votes import ballots
    from .test_votes import vote
    from collective.deliberations.seance.minutes import minutes_html
    from lxml import html

    seance.everyone_present()
    seance.deliberations[1].huis_clos = True
    choices = dict(marchetti="pour", girard="pour", benali="contre", roux="pour", petit="pour", elu="pour", elu2="pour")
    vote(seance.items[0], "public", ballots=ballots(**choices))
    vote(seance.items[1], "public", ballots=ballots(**choices))
    tree = html.fromstring(minutes_html(seance.session))
    sections = {}
    for heading in tree.xpath("//h2"):
        text, siblings = [], heading.itersiblings()
        for sibling in siblings:
            if sibling.tag == "h2":
                break
            text.append(" ".join(sibling.text_content().split()))
        sections[" ".join(heading.text_content().split())] = " ".join(text)
    assert "huis clos" not in sections["1. Budget primitif"]
    closed = sections["2. Tarifs piscine"]
    assert closed.startswith("Point examiné à huis clos")
    assert "Contre : 1 : Inès Benali" in closed  # the law wants the names of a public ballot in the PV, marked
    assert "huis clos" in " ".join(tree.xpath("//ol/li[2]")[0].text_content().split())
