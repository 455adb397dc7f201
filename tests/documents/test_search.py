"""@@recherche as each person uses it: words in objets, exposés, dispositifs and documents' converted text; number,
objet, dates, body, nature, matière, outcome; facets with counts; nobody finds what they may not see."""

from .conftest import add_file
from .conftest import WORD
from content.conftest import World
from datetime import date
from lxml import html
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue

import pytest
import transaction


SECRET = "Confidentielissime"


@pytest.fixture
def acts(functional_portal, runner, samples, tmp_path):
    """A published act with a publishable and a confidential annex, an adopted one, a rejected one, a draft."""
    from . import files

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    budget = world.validated("Budget annexe de l'eau", expose=RichTextValue(f"<p>Le budget {WORD} est voté.</p>"))
    plu = world.validated("Plan local d'urbanisme", nature="2", matiere="2.1")
    tarifs = world.validated("Tarifs de la piscine", matiere="7.2")
    draft = world.draft("Subvention au club", dispositif=RichTextValue(f"<p>Décide {WORD}</p>"))
    for deliberation in (budget, plu, tarifs):
        world.schedule(deliberation)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(world.session, "convene")
        api.content.transition(budget, "adopt")
        api.content.transition(plu, "adopt")
        api.content.transition(tarifs, "reject")
        api.content.transition(budget, "publish")
    plu.decision_date = date(2025, 3, 10)  # decided at an earlier séance
    plu.reindexObject()
    add_file(budget, samples["text.pdf"].read_bytes(), "annexe-budget.pdf")
    secret = files.pdf(tmp_path, "secret", [f"Note {SECRET}"])
    add_file(budget, secret.read_bytes(), "note-confidentielle.pdf", confidential=True)
    transaction.commit()
    assert runner() >= 2  # the two files' conversions (and the decided acts' archival PDF/A copies)
    return world, {"budget": budget, "plu": plu, "tarifs": tarifs, "draft": draft}


def search(request_factory, user=None, **params):
    session = (
        request_factory(api=False) if user is None else request_factory(basic_auth=(user, "secret-1234"), api=False)
    )
    response = session.get(f"{api.portal.get().absolute_url()}/@@recherche", params=params)
    assert response.status_code == 200, response.text[-3000:]
    return html.fromstring(response.text)


def titles(tree):
    return sorted(" ".join(a.text_content().split()) for a in tree.xpath('//li[contains(@class,"search-result")]/a[1]'))


def test_words_in_texts_and_documents_respect_permissions(acts, request_factory):
    assert titles(search(request_factory, "agent", q=WORD)) == [
        "Budget annexe de l'eau",
        "Subvention au club",
        "annexe-budget.pdf",
    ]
    assert titles(search(request_factory, "elu", q=WORD)) == ["Budget annexe de l'eau", "annexe-budget.pdf"]
    assert titles(search(request_factory, None, q=WORD)) == ["Budget annexe de l'eau", "annexe-budget.pdf"]
    assert titles(search(request_factory, "elu", q=SECRET)) == ["note-confidentielle.pdf"]
    assert titles(search(request_factory, None, q=SECRET)) == []


def test_filters(acts, request_factory):
    world, found = acts
    number = found["budget"].number
    assert number
    assert titles(search(request_factory, "secretaire", numero=number)) == ["Budget annexe de l'eau"]
    assert titles(search(request_factory, "secretaire", objet="piscine")) == ["Tarifs de la piscine"]
    assert titles(search(request_factory, "secretaire", matiere="7")) == [
        "Budget annexe de l'eau",
        "Tarifs de la piscine",
    ]
    assert titles(search(request_factory, "secretaire", nature="2")) == ["Plan local d'urbanisme"]
    assert titles(search(request_factory, "secretaire", issue="rejected")) == ["Tarifs de la piscine"]
    assert titles(search(request_factory, "secretaire", issue="adopted")) == [
        "Budget annexe de l'eau",
        "Plan local d'urbanisme",
    ]
    assert titles(search(request_factory, "secretaire", du="2025-01-01", au="2025-12-31")) == ["Plan local d'urbanisme"]
    body = world.council.UID()
    assert len(titles(search(request_factory, "secretaire", organe=body))) == 3


def test_facets_count_what_the_person_may_see(acts, request_factory):
    tree = search(request_factory, "secretaire", matiere="7")
    facet = {
        " ".join(li.xpath("a")[0].text_content().split()): li.xpath("span")[0].text_content()
        for li in tree.xpath('//section[@id="facet-issue"]//li')
    }
    assert facet == {"Adoptée": "1", "Rejetée": "1"}
    nature = tree.xpath('//section[@id="facet-nature"]//li/a')[0]
    assert "nature=1" in nature.get("href")
    anonymous = search(request_factory, None, matiere="7")
    assert titles(anonymous) == ["Budget annexe de l'eau"]


def test_the_same_indexes_answer_rest_search(acts, request_factory):
    session = request_factory(basic_auth=("secretaire", "secret-1234"))
    found = session.get("/@search", params={"matiere_levels": "7", "portal_type": "Deliberation"}).json()
    assert sorted(item["title"] for item in found["items"]) == ["Budget annexe de l'eau", "Tarifs de la piscine"]
    anonymous = request_factory().get("/@search", params={"SearchableText": SECRET}).json()
    assert anonymous["items"] == []


def test_listing_pages_lead_to_the_search(acts, request_factory):
    world, found = acts
    session = request_factory(basic_auth=("agent", "secret-1234"), api=False)
    session.headers["Accept"] = "text/html"
    tree = html.fromstring(session.get(world.finances.absolute_url()).text)
    form = tree.xpath('//form[contains(@class,"deliberations-searchbox")]')[0]
    assert form.get("action") == f"{world.finances.absolute_url()}/@@recherche"
    results = html.fromstring(session.get(form.get("action"), params={"q": WORD}).text)
    assert titles(results) == ["Budget annexe de l'eau", "Subvention au club", "annexe-budget.pdf"]


def facet_entries(tree):
    """[(facet, label, count, url, active)] of the facets the page shows."""
    entries = []
    for section in tree.xpath('//section[starts-with(@id,"facet-")]'):
        for li in section.xpath(".//li"):
            link = li.xpath("a")[0]
            active = "active" in (li.get("class") or "") or link.get("aria-current") is not None
            label = " ".join(link.text_content().split())
            entries.append(
                (section.get("id"), label, int(li.xpath("span")[0].text_content()), link.get("href"), active)
            )
    return entries


@pytest.mark.parametrize("user", ["agent", "elu", None])
def test_a_facet_counts_what_its_click_then_shows(acts, request_factory, user):
    """Words + a filter: each facet's count is the number of results the person sees once they click it, and a
    deliberation they may not View (the draft holding the word, for an official or anyone) is never counted."""
    session = (
        request_factory(api=False) if user is None else request_factory(basic_auth=(user, "secret-1234"), api=False)
    )
    for params in ({"q": WORD}, {"q": WORD, "matiere": "7"}, {"q": WORD, "issue": "adopted"}):
        tree = search(request_factory, user, **params)
        shown = len(titles(tree))
        entries = facet_entries(tree)
        assert entries, params
        for facet, label, count, url, active in entries:
            if not active:
                clicked = html.fromstring(session.get(url).text)
                assert count == len(titles(clicked)), (params, facet, label, url)
            elif active:
                assert count == shown, (params, facet, label)
        natures = sum(count for facet, _label, count, _url, _active in entries if facet == "facet-nature")
        assert natures == (2 if user == "agent" and "issue" not in params else 1), (params, entries)
