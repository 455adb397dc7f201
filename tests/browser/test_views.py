"""The default pages of the domain's types, as each person opens them over HTTP."""

from .conftest import page
from .conftest import section
from .conftest import text
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile

import transaction


def add_document(container, title, **flags):
    with api.env.adopt_user(username="secretaire"):
        return api.content.create(
            container, "File", title=title, file=NamedBlobFile(b"data", filename=f"{title}.txt"), **flags
        )


def convene(session):
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(session, "convene")


def denied(response):
    """Plone sends a user without the permission to its "insufficient privileges" page, anonymous to the login."""
    return response.status_code in (401, 403) or "login" in response.url or "insufficient-privileges" in response.url


def test_deliberation_page_for_its_agent(site, browser):
    draft = site.draft(
        expose=RichTextValue("<p>Les motifs</p>", "text/html", "text/x-html-safe"),
        dispositif=RichTextValue("<p>Le conseil décide</p><script>alert(1)</script>", "text/html", "text/x-html-safe"),
        rapporteur="elu",
    )
    transaction.commit()
    tree = page(browser("agent").get("finances/budget-primitif"))
    core = text(tree.xpath('//div[contains(@class, "deliberation-view")]')[0])
    assert tree.xpath('//article[@id="content"]//h1')[0].text_content().strip() == draft.title
    assert tree.xpath('//span[@class="badge text-bg-secondary"]')  # the draft's state
    for expected in ("7.1", "Finances", "Élu du conseil et de la commission", "Les motifs", "Le conseil décide"):
        assert expected in core
    assert tree.xpath('//section[@aria-labelledby="deliberation-expose"]/h2')
    assert "alert(1)" not in core
    assert denied(browser("agent-urba").get("finances/budget-primitif"))
    assert denied(browser().get("finances/budget-primitif"))


def test_deliberation_page_shows_its_session_and_the_documents_each_may_view(site, browser):
    deliberation = site.validated()
    site.schedule(deliberation)
    convene(site.session)
    add_document(deliberation, "rapport-public", document_type="rapport")
    add_document(deliberation, "note-interne", publishable=False)
    transaction.commit()
    url = f"finances/{deliberation.getId()}"

    tree = page(browser("elu").get(url))
    documents = text(section(tree, "deliberation-documents") or tree.xpath('//table[contains(@class, "documents")]')[0])
    assert "rapport-public" in documents and "note-interne" not in documents
    links = tree.xpath('//table[contains(@class, "documents-table")]//a/@href')
    assert any(link.endswith("rapport-public/@@download/file") for link in links)
    assert tree.xpath('//table[contains(@class, "documents-table")]//th[@scope="col"]')
    session_links = tree.xpath(f'//a[@href="{site.session.absolute_url()}"]')
    assert session_links and session_links[0].text == "Séance"

    secretary = text(page(browser("secretaire").get(url)).xpath('//table[contains(@class, "documents-table")]')[0])
    assert "rapport-public" in secretary and "note-interne" in secretary


def test_session_page_numbers_its_agenda_and_hides_what_one_may_not_view(site, browser):
    first = site.validated("Budget primitif")
    second = site.validated("Tarifs de l'eau")
    site.schedule(first)
    site.schedule(second)
    with api.env.adopt_user(username="secretaire"):
        api.content.create(site.session, "AgendaItem", id="info", item_kind="information", title="Rapport d'activité")
    add_document(site.session, "convocation", document_type="convocation")
    convene(site.session)
    transaction.commit()

    tree = page(browser("elu").get("conseil/seance"))
    rows = tree.xpath('//table[contains(@class, "agenda-table")]/tbody/tr')
    assert [row.xpath("th")[0].text for row in rows] == ["1", "2", "3"]
    assert [a.text for a in rows[0].xpath(".//a")] == ["Budget primitif"]
    assert rows[0].xpath(".//a/@href") == [first.absolute_url()]
    assert "Rapport d'activité" in text(rows[2])
    assert "convocation" in text(tree.xpath('//table[contains(@class, "documents-table")]')[0])

    # The session is public once convened, and so is its ordre du jour (CGCT L2121-10); its deliberations are
    # not yet: anonymous reads the objets, without a link to the deliberation.
    tree = page(browser().get("conseil/seance"))
    rows = tree.xpath('//table[contains(@class, "agenda-table")]/tbody/tr')
    assert "Budget primitif" in text(rows[0]) and not rows[0].xpath(".//a")
    assert "Rapport d'activité" in text(rows[2])


def test_planned_session_page_is_the_secretariats(site, browser):
    assert page(browser("secretaire").get("conseil/seance")).xpath('//section[@id="agenda"]')
    assert denied(browser("elu").get("conseil/seance"))


def test_assembly_page_lists_sessions_members_and_commissions(site, browser):
    past = api.content.create(site.council, "Session", id="ancienne", title="Séance passée", start=site.session.start)
    past.start = past.start.replace(year=past.start.year - 1)
    past.reindexObject()
    transaction.commit()
    tree = page(browser("secretaire").get("conseil"))
    session_links = f'//h2[@id="body-upcoming"]/..//a[@href="{site.session.absolute_url()}"]'
    assert tree.xpath(session_links)
    upcoming = text(tree.xpath('//h2[@id="body-upcoming"]/..')[0])
    past_text = text(tree.xpath('//h2[@id="body-past"]/..')[0])
    assert "Séance passée" in past_text and "Séance passée" not in upcoming
    members = tree.xpath('//table[contains(@class, "members-table")]/tbody/tr/th[@scope="row"]')
    assert [m.text for m in members] == ["Élu du conseil et de la commission", "Élue du conseil"]
    assert "Finances" in text(tree.xpath('//h2[@id="body-commissions"]/..')[0])

    # Anonymous sees the council and its members, neither the planned sessions nor the private commission.
    tree = page(browser().get("conseil"))
    assert not tree.xpath(session_links)
    assert "Finances" not in text(tree.xpath('//h2[@id="body-commissions"]/..')[0])


def test_commission_page_for_its_member_only(site, browser):
    tree = page(browser("elu").get("conseil/commission-finances"))
    members = tree.xpath('//table[contains(@class, "members-table")]/tbody/tr/th')
    assert [m.text for m in members] == ["Élu du conseil et de la commission"]
    assert not tree.xpath('//h2[@id="body-commissions"]')
    assert denied(browser("elu2").get("conseil/commission-finances"))


def test_service_page_groups_deliberations_by_state(site, browser):
    site.draft("Projet en cours")
    site.validated("Projet validé")
    site.draft("Projet d'urbanisme", service=site.urbanisme)
    transaction.commit()
    tree = page(browser("agent").get("finances"))
    assert "Agent Finances" in text(tree.xpath('//h2[@id="service-agents"]/..')[0])
    assert "Valideur Finances" in text(tree.xpath('//h2[@id="service-validators"]/..')[0])
    assert "Projet en cours" in text(tree.xpath('//section[contains(@class, "service-state-draft")]')[0])
    assert "Projet validé" in text(tree.xpath('//section[contains(@class, "service-state-validated")]')[0])
    assert "urbanisme" not in tree.text_content().lower()
    assert tree.xpath('//a[contains(@href, "++add++Deliberation")]')

    # The validator does not see the drafts, nor may add any.
    tree = page(browser("valideur").get("finances"))
    assert not tree.xpath('//section[contains(@class, "service-state-draft")]')
    assert "Projet validé" in tree.text_content()
    assert not tree.xpath('//a[contains(@href, "++add++Deliberation")]')
    assert denied(browser("elu").get("finances"))


def test_fti_default_views(site):
    types = api.portal.get_tool("portal_types")
    expected = {
        "Deliberation": "deliberation-view",
        "Session": "session-view",
        "Assembly": "body-view",
        "Commission": "body-view",
        "Service": "service-view",
    }
    for portal_type, view_name in expected.items():
        fti = types[portal_type]
        assert fti.default_view == view_name
        assert {view_name, "view"} <= set(fti.view_methods)
