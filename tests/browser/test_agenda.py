"""The secretariat reorders a session's agenda: up and down buttons on the session page, or plone.restapi."""

from .conftest import page
from plone import api

import pytest
import transaction


@pytest.fixture
def agenda(site):
    """Three deliberations on the agenda of the council's planned session, and a document in between."""
    from plone.namedfile.file import NamedBlobFile

    for title in ("Premier", "Deuxième", "Troisième"):
        site.schedule(site.validated(title))
        if title == "Premier":
            with api.env.adopt_user(username="secretaire"):
                api.content.create(
                    site.session, "File", id="convocation", file=NamedBlobFile(b"x", filename="convocation.txt")
                )
    transaction.commit()
    return site.session


def order(session):
    """The agenda as the session page shows it to the secretariat."""
    tree = page(session.get("conseil/seance"))
    return [row.xpath("td//a")[0].text for row in tree.xpath('//table[contains(@class, "agenda-table")]/tbody/tr')]


def move_form(tree, item_id, direction):
    forms = tree.xpath(
        f'//form[contains(@action, "@@move-agenda-item")][input[@name="item"][@value="{item_id}"]]'
        f'[input[@name="direction"][@value="{direction}"]]'
    )
    return {i.get("name"): i.get("value") for i in forms[0].xpath(".//input")} if forms else None


def test_buttons_move_items_up_and_down(agenda, browser):
    secretary = browser("secretaire")
    tree = page(secretary.get("conseil/seance"))
    assert order(secretary) == ["Premier", "Deuxième", "Troisième"]
    assert move_form(tree, "premier", "up") is None  # the first has no "up", the last no "down"
    assert move_form(tree, "troisieme", "down") is None
    form = move_form(tree, "premier", "down")
    assert form["_authenticator"]

    response = secretary.post("conseil/seance/@@move-agenda-item", data=form)
    assert response.status_code == 200 and response.url.startswith(agenda.absolute_url())
    assert order(secretary) == ["Deuxième", "Premier", "Troisième"]

    tree = page(secretary.get("conseil/seance"))
    secretary.post("conseil/seance/@@move-agenda-item", data=move_form(tree, "troisieme", "up"))
    assert order(secretary) == ["Deuxième", "Troisième", "Premier"]
    transaction.begin()
    assert [item.getId() for item in agenda.agenda()] == ["deuxieme", "troisieme", "premier"]
    assert "convocation" in agenda.objectIds()


def test_no_buttons_and_refusal_without_the_permission(agenda, browser):
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(agenda, "convene")
    transaction.commit()
    token = move_form(page(browser("secretaire").get("conseil/seance")), "premier", "down")["_authenticator"]
    member = browser("elu")
    tree = page(member.get("conseil/seance"))
    assert tree.xpath('//table[contains(@class, "agenda-table")]/tbody/tr')
    assert not tree.xpath('//form[contains(@action, "@@move-agenda-item")]')
    member_token = tree.xpath('//input[@name="_authenticator"]/@value')
    data = {"item": "premier", "direction": "down", "_authenticator": member_token[0] if member_token else token}
    response = member.post("conseil/seance/@@move-agenda-item", data=data, allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    if response.status_code == 302:
        assert "insufficient-privileges" in response.headers["Location"] or "login" in response.headers["Location"]
    anonymous = browser().post("conseil/seance/@@move-agenda-item", data=data, allow_redirects=False)
    assert anonymous.status_code in (302, 401, 403)
    transaction.begin()
    assert [item.getId() for item in agenda.agenda()] == ["premier", "deuxieme", "troisieme"]


def test_post_only_with_the_authenticator(agenda, browser):
    secretary = browser("secretaire")
    data = {"item": "premier", "direction": "down"}
    assert secretary.post("conseil/seance/@@move-agenda-item", data=data).status_code == 403
    data["_authenticator"] = move_form(page(secretary.get("conseil/seance")), "premier", "down")["_authenticator"]
    assert secretary.get("conseil/seance/@@move-agenda-item", params=data).status_code == 405
    assert secretary.post("conseil/seance/@@move-agenda-item", data={**data, "item": "nothing"}).status_code == 400
    transaction.begin()
    assert [item.getId() for item in agenda.agenda()] == ["premier", "deuxieme", "troisieme"]


def test_rest_ordering(agenda, request_factory):
    """plone.restapi reorders too: PATCH the session with `ordering`, relative to the agenda items."""
    ids = ["premier", "deuxieme", "troisieme"]
    secretary = request_factory(basic_auth=("secretaire", "secret-1234"))
    response = secretary.patch(
        "conseil/seance", json={"ordering": {"obj_id": "troisieme", "delta": -2, "subset_ids": ids}}
    )
    assert response.status_code == 204, response.text
    items = secretary.get("conseil/seance").json()["items"]
    assert [i["@id"].rsplit("/", 1)[1] for i in items if i["@type"] == "AgendaItem"] == [
        "troisieme",
        "premier",
        "deuxieme",
    ]

    member = request_factory(basic_auth=("elu", "secret-1234"))
    with api.env.adopt_user(username="secretaire"):
        transaction.begin()
        api.content.transition(agenda, "convene")
        transaction.commit()
    ids = ["troisieme", "premier", "deuxieme"]
    response = member.patch("conseil/seance", json={"ordering": {"obj_id": "premier", "delta": -1, "subset_ids": ids}})
    assert response.status_code in (401, 403)
    transaction.begin()
    assert [item.getId() for item in agenda.agenda()] == ids


def test_a_closed_sessions_agenda_no_longer_moves(agenda, browser):
    secretary = browser("secretaire")
    data = move_form(page(secretary.get("conseil/seance")), "premier", "down")
    with api.env.adopt_user(username="secretaire"):
        for transition in ("convene", "hold", "close"):
            api.content.transition(agenda, transition)
    transaction.commit()
    tree = page(secretary.get("conseil/seance"))
    assert len(tree.xpath('//table[contains(@class, "agenda-table")]/tbody/tr')) == 3
    assert not tree.xpath('//form[contains(@action, "@@move-agenda-item")]')
    response = secretary.post("conseil/seance/@@move-agenda-item", data=data, allow_redirects=False)
    assert response.status_code == 302 and "require_login" in response.headers["Location"]  # Unauthorized
    transaction.begin()
    assert [item.getId() for item in agenda.agenda()] == ["premier", "deuxieme", "troisieme"]
