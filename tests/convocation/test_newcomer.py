"""A member who joins the body after the convocation was sent is convened too, with a manifest that says so; the
others receive nothing more."""

from .conftest import convene
from .conftest import personal_link
from collective.deliberations.convocation.storage import get_convocation
from plone import api

import json
import transaction


def test_a_member_joining_after_sending_is_convened(site, inbox, browser):
    convene(site.session)
    inbox.clear()
    with api.env.adopt_user(username="secretaire"):
        api.content.create(site.council, "Membership", id="agent", member="agent", member_role="membre")
    transaction.commit()
    transaction.begin()
    (message,) = inbox.to("agent@example.org")
    assert message["Subject"] == "Convocation : Séance"
    assert inbox.to("elu@example.org") == [] and inbox.to("elu2@example.org") == []
    convocation = get_convocation(site.session)
    newcomer = convocation.get("agent")
    assert newcomer.status == "sent" and newcomer.made_available_at > convocation.convened_at
    manifest = convocation.manifests[-1]
    assert manifest["reason"] == "new_member"
    assert [r["userid"] for r in json.loads(manifest["json"])["recipients"]] == ["agent", "elu", "elu2"]
    assert browser().get(personal_link(message)).status_code == 200


def test_a_future_member_is_not_convened_yet(site, inbox):
    from datetime import date
    from datetime import timedelta

    convene(site.session)
    inbox.clear()
    with api.env.adopt_user(username="secretaire"):
        api.content.create(site.council, "Membership", id="agent", member="agent",
                           start=date.today() + timedelta(days=30))  # fmt: skip
    transaction.commit()
    transaction.begin()
    assert inbox.to("agent@example.org") == [] and get_convocation(site.session).get("agent") is None
