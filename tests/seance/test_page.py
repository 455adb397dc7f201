"""The secretariat's page of the séance, through a real HTTP server: roll call, quorum, vote entry, refusals."""

from lxml import html
from plone import api

import transaction


def page(response):
    assert response.status_code == 200, f"{response.status_code} {response.url}"
    return html.fromstring(response.text)


def words(element):
    return " ".join(element.text_content().split())


def token(tree):
    return tree.xpath('//input[@name="_authenticator"]/@value')[0]


def test_roll_call_quorum_and_vote_from_the_page(held, secretariat):
    tree = page(secretariat.get("conseil/seance/@@seance"))
    assert len(tree.xpath('//table[contains(@class, "roll-call")]/tbody/tr')) == 7
    first = tree.xpath('//section[@id="item-budget-primitif"]')[0]
    assert "Quorum non atteint" in words(first) and "0 présents sur 7 en exercice (4 requis)" in words(first)
    form = {f"status.{m}": "present" for m in ("marchetti", "girard", "benali", "roux", "elu", "elu2")}
    form.update({"status.petit": "represented", "proxy.petit": "girard", "secretary": "elu2"})
    response = secretariat.post(
        "conseil/seance/@@seance", data={**form, "action": "roll-call", "_authenticator": token(tree)}
    )
    tree = page(response)
    assert "Appel enregistré." in words(tree)
    first = tree.xpath('//section[@id="item-budget-primitif"]')[0]
    assert "Quorum atteint" in words(first) and "6 présents sur 7 en exercice (4 requis), 1 représenté(s)" in words(
        first
    )
    # the proxy holder votes for the member she represents: a radio group per voter, the represented one included
    assert len(first.xpath('.//form[contains(@class, "vote-form")]//div[@role="group"]')) == 7
    ballots = {f"ballot.{m}": "pour" for m in ("marchetti", "girard", "benali", "elu", "elu2", "petit")}
    missing = secretariat.post(
        "conseil/seance/@@seance",
        data={**ballots, "action": "vote", "mode": "public", "item": "budget-primitif", "_authenticator": token(tree)},
    )
    assert "Il manque le vote de : Marc Roux." in words(page(missing))
    transaction.begin()
    assert api.content.get_state(held.deliberations[0]) == "scheduled"
    ballots["ballot.roux"] = "contre"
    done = secretariat.post(
        "conseil/seance/@@seance",
        data={**ballots, "action": "vote", "mode": "public", "item": "budget-primitif", "_authenticator": token(tree)},
    )
    tree = page(done)
    number = f"DEL{held.session.start.year}_001"
    assert f"Adoptée : acte n° {number}" in words(tree.xpath('//section[@id="item-budget-primitif"]')[0])
    transaction.begin()
    assert api.content.get_state(held.deliberations[0]) == "adopted" and held.deliberations[0].number == number


def test_unanimity_in_one_click_and_a_secret_ballot(held, secretariat):
    held.everyone_present()
    transaction.commit()
    tree = page(secretariat.get("conseil/seance/@@seance"))
    secretariat.post(
        "conseil/seance/@@seance",
        data={"action": "vote", "mode": "unanimity", "item": "tarifs-piscine", "_authenticator": token(tree)},
    )
    tree = page(
        secretariat.post(
            "conseil/seance/@@seance",
            data={
                "action": "vote",
                "mode": "secret",
                "item": "subvention",
                "count.pour": "2",
                "count.contre": "5",
                "_authenticator": token(tree),
            },
        )
    )
    assert "Rejetée" in words(tree.xpath('//section[@id="item-subvention"]')[0])
    assert "7 pour, 0 contre" in words(tree.xpath('//section[@id="item-tarifs-piscine"]')[0])


def test_only_the_secretariat_opens_the_page(held, request_factory, secretariat):
    official = request_factory(basic_auth=("elu", "secret-1234"), api=False)
    assert official.get("conseil/seance/@@seance").status_code in (401, 403)
    link = '//a[contains(@href, "/conseil/seance/@@seance")]'
    assert not page(official.get("conseil/seance")).xpath(link)
    assert page(secretariat.get("conseil/seance")).xpath(link)


def test_posting_without_the_authenticator_changes_nothing(held, secretariat):
    response = secretariat.post(
        "conseil/seance/@@seance", data={"action": "vote", "mode": "unanimity", "item": "subvention"}
    )
    assert response.status_code == 403
    transaction.begin()
    assert api.content.get_state(held.deliberations[2]) == "scheduled"


def test_movements_listed_and_cancelled_from_the_page(held, secretariat):
    held.everyone_present()
    transaction.commit()
    tree = page(secretariat.get("conseil/seance/@@seance"))
    moved = secretariat.post(
        "conseil/seance/@@seance",
        data={
            "action": "movement",
            "item": "tarifs-piscine",
            "member": "petit",
            "kind": "departure",
            "proxy": "benali",
            "_authenticator": token(tree),
        },
    )
    tree = page(moved)
    listed = words(tree.xpath('//section[@id="movements"]')[0])
    assert "Léa Petit — Départ au point 2 — procuration à Inès Benali" in listed
    second = words(tree.xpath('//section[@id="item-tarifs-piscine"]')[0])
    assert "6 présents sur 7 en exercice (4 requis), 1 représenté(s), 7 votants" in second
    cancelled = secretariat.post(
        "conseil/seance/@@seance", data={"action": "cancel-movement", "index": "0", "_authenticator": token(tree)}
    )
    tree = page(cancelled)
    assert "Mouvement annulé." in words(tree) and not tree.xpath('//section[@id="movements"]')


def test_the_list_of_deliberations_and_the_draft_minutes_from_the_page(held, secretariat):
    held.everyone_present()
    transaction.commit()
    tree = page(secretariat.get("conseil/seance/@@seance"))
    secretariat.post(
        "conseil/seance/@@seance",
        data={"action": "vote", "mode": "unanimity", "item": "budget-primitif", "_authenticator": token(tree)},
    )
    tree = page(secretariat.post("conseil/seance/@@seance", data={"action": "liste", "_authenticator": token(tree)}))
    link = tree.xpath('//section[@id="liste"]//a')[0]
    assert link.text.startswith("Liste des délibérations de la séance du ")
    assert f"{link.text} : document établi." in words(tree)
    download = secretariat.get(link.get("href"))
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    tree = page(secretariat.post("conseil/seance/@@seance", data={"action": "minutes", "_authenticator": token(tree)}))
    links = tree.xpath('//section[@id="liste"]//li/a')
    assert [a.text.split(" de la séance")[0] for a in links] == ["Liste des délibérations", "Procès-verbal"]
    draft = secretariat.get(links[1].get("href"))
    assert draft.status_code == 200 and draft.content.startswith(b"PK")  # an OpenDocument (zip) file
