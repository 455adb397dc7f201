"""Amendments: the draft kept when the séance is held, the text amended during the séance, the difference shown."""

from .test_page import page
from .test_page import words
from collective.deliberations.seance.amendments import amendments
from collective.deliberations.seance.votes import record_vote
from plone import api
from plone.app.textfield.value import RichTextValue

import transaction


def test_amended_text_and_its_difference(held, secretariat, request_factory):
    deliberation = held.deliberations[0]
    assert amendments(held.deliberations[1]) is not None  # kept at the hold
    deliberation.dispositif = RichTextValue(
        "<p>Le conseil décide d'adopter le budget amendé.</p>", "text/html", "text/html"
    )
    held.everyone_present()
    with api.env.adopt_user(username="secretaire"):
        record_vote(held.items[0], "unanimity")
    found = amendments(deliberation)
    assert found["draft"]["dispositif"] == ""
    assert found["adopted"]["dispositif"] == "Le conseil décide d'adopter le budget amendé."
    assert list(found["changed"]) == ["dispositif"]
    assert amendments(held.deliberations[1])["changed"] == {}
    transaction.commit()
    official = request_factory(basic_auth=("elu", "secret-1234"), api=False)
    tree = page(official.get("finances/budget-primitif/@@amendements"))
    section = tree.xpath('//section[@id="amendment-dispositif"]')[0]
    assert words(section).startswith("Dispositif")
    assert [e.text for e in section.xpath(".//ins")] == ["Le conseil décide d'adopter le budget amendé."]
    rest = request_factory(basic_auth=("elu", "secret-1234"))
    answer = rest.get("finances/tarifs-piscine/@amendments").json()
    assert answer["amendments"]["changed"] == {} and answer["amendments"]["draft"]["title"] == "Tarifs piscine"
    tree = page(official.get("finances/tarifs-piscine/@@amendements"))
    assert "Aucun amendement : le texte est celui du projet." in words(tree)


def test_a_second_change_compares_with_the_first_draft(seance):
    deliberation = seance.deliberations[2]
    deliberation.title = "Subvention au club de football"
    deliberation.title = "Subvention au club de rugby"
    found = amendments(deliberation)
    assert found["draft"]["title"] == "Subvention"
    assert found["changed"]["title"] == "Subvention <ins>au club de rugby</ins>"
