"""The retention schedule: defaults from DOMAIN.md, edited by the archivist, refused with a message when wrong."""

from collective.deliberations.archives.schedule import CATEGORIES
from collective.deliberations.archives.schedule import get_schedule
from collective.deliberations.archives.schedule import save_rule
from collective.deliberations.archives.schedule import validate_rule
from plone import api
from zope.i18n import translate

import pytest


def test_one_rule_per_category_with_the_confirmed_row(archives):
    schedule = get_schedule()
    assert tuple(schedule) == CATEGORIES
    deliberations = schedule["deliberations"]
    assert (deliberations["dua_years"], deliberations["final_action"], deliberations["confirmed"]) == (1, "C", True)
    assert "DAF/DPACI/RES/2009/018" in deliberations["legal_basis"]
    unconfirmed = [c for c, rule in schedule.items() if not rule["confirmed"]]
    assert set(unconfirmed) == set(CATEGORIES) - {"deliberations"}
    assert all(schedule[c]["legal_basis"] == "À confirmer" for c in unconfirmed)


def test_archivist_saves_a_rule_and_dua_ends_move(archives):
    budget = archives.budget
    assert api.content.find(UID=budget.UID(), dua_end={"query": "2025-03-12", "range": "min"})
    with api.env.adopt_user(username="archiviste"):
        save_rule("deliberations", {"dua_years": 10, "appraisal_rule": "APP-DELIB"})
    from collective.deliberations.archives.dashboard import reindex_category

    reindex_category("deliberations")
    assert api.content.find(UID=budget.UID(), dua_end={"query": ["2034-03-12", "2034-03-12 23:59"], "range": "min:max"})
    assert not api.content.find(UID=budget.UID(), dua_end={"query": "2034-03-13", "range": "min"})
    assert get_schedule()["deliberations"]["appraisal_rule"] == "APP-DELIB"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"dua_years": -1}, "La DUA est un nombre entier d'années entre 0 et 200."),
        ({"dua_years": "dix"}, "La DUA est un nombre entier d'années entre 0 et 200."),
        ({"final_action": "X"}, "Le sort final est C, D ou T."),
        ({"start_event": "demain"}, "L'événement de départ est l'un de : session, act, closing, publication."),
        ({"appraisal_rule": " "}, "Le champ appraisal_rule ne peut pas être vide."),
    ],
)
def test_wrong_rule_is_refused_in_french(archives, data, message):
    errors = validate_rule("minutes", data)
    assert [translate(e, target_language="fr") for e in errors] == [message]
    before = get_schedule()["minutes"]
    with pytest.raises(ValueError):
        save_rule("minutes", data)
    assert get_schedule()["minutes"] == before
