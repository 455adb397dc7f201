"""The public portal's "Séances passées" (@@seances-publiques): an anonymous citizen finds each past séance's
published liste des délibérations (and its rectificatifs) and procès-verbal with their date of putting online, and
downloads them; a draft PV or a liste not yet put online never shows."""

from .test_page import page
from .test_page import words
from .test_publication import denied
from .test_publication import documented  # noqa: F401  (fixture)
from collective.deliberations.seance.publication import approve_minutes
from collective.deliberations.seance.publication import publish_liste
from collective.deliberations.seance.publication import publish_minutes
from collective.deliberations.seance.publication import rectify_liste
from collective.deliberations.seance.publication import sign_minutes
from datetime import datetime
from documents.chromium import axe
from documents.chromium import chromium
from lxml import etree
from plone import api

import json
import transaction


def past_session(tree, body_and_date):
    sessions = tree.xpath('//section[@id="seances-passees"]//article[contains(@class, "past-session")]')
    found = [s for s in sessions if body_and_date in words(s.xpath(".//h3")[0])]
    assert len(found) == 1, [words(s) for s in sessions]
    return found[0]


def hrefs(element):
    return [a.get("href") for a in element.xpath(".//a")]


def test_anonymous_finds_the_published_liste_and_pv_with_their_dates(documented, html_browser):  # noqa: F811
    anonymous = html_browser()
    session = documented.session
    heading = f"{session.aq_parent.Title()} — {api.portal.get_localized_time(session.start, long_format=True)}"
    # before publication: the séance is listed, but neither its internal liste nor its draft PV (page or feed)
    assert b"liste-des-deliberations" not in anonymous.get("@@actes/atom.xml").content
    tree = page(anonymous.get("@@seances-publiques"))
    assert "Séances passées" in words(tree)
    before = past_session(tree, heading)
    assert "Liste des délibérations : pas encore publiée." in words(before)
    assert "Procès-verbal : pas encore publié" in words(before)
    assert not [h for h in hrefs(before) if "liste-des-deliberations" in h or "proces-verbal" in h]
    # the secretariat, who may read both, sees on the portal what citizens see
    secretariat = past_session(page(html_browser("secretaire").get("@@seances-publiques")), heading)
    assert "Liste des délibérations : pas encore publiée." in words(secretariat)
    assert not [h for h in hrefs(secretariat) if "liste-des-deliberations" in h or "proces-verbal" in h]
    for draft in ("liste-des-deliberations", "proces-verbal-projet"):
        assert denied(anonymous.get(f"{session.absolute_url()}/{draft}/@@download/file"))
    # the secretariat publishes the liste, a rectificatif, and the PV once approved and signed
    with api.env.adopt_user(username="secretaire"):
        publish_liste(session)
        rectify_liste(session)
        approve_minutes(documented.later, session)
        sign_minutes(session, signatures=True)
        publish_minutes(session)
    transaction.commit()
    today = datetime.now().strftime("%d/%m/%Y")
    tree = page(anonymous.get("@@seances-publiques"))
    after = past_session(tree, heading)
    liste = after.xpath('.//li[@class="past-liste"]')[0]
    assert "Liste des délibérations" in words(liste) and f"Date de mise en ligne : {today}" in words(liste)
    rectificatif = after.xpath('.//li[@class="past-rectificatif"]')
    assert len(rectificatif) == 1 and "(rectificatif n° 1)" in words(rectificatif[0])
    assert f"Date de mise en ligne : {today}" in words(rectificatif[0])
    minutes = after.xpath('.//li[@class="past-minutes"]')[0]
    assert "Procès-verbal de la séance du" in words(minutes) and f"Date de mise en ligne : {today}" in words(minutes)
    links = hrefs(after)
    assert not [h for h in links if "proces-verbal-projet" in h]  # never the draft
    for item in (liste, rectificatif[0], minutes):
        response = anonymous.get(item.xpath(".//a")[0].get("href"))
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
    acts = [h for h in links if "@@actes?seance=" in h]
    assert acts == [f"{api.portal.get().absolute_url()}/@@actes?seance={session.UID()}"]
    assert page(anonymous.get(acts[0])).xpath("//h1")
    # the Atom feed carries them too, the latest first, beside the acts
    feed = etree.fromstring(anonymous.get("@@actes/atom.xml").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in feed.xpath("//a:entry/a:title", namespaces=ns)]
    assert titles[0].startswith("Procès-verbal de la séance du") and "(rectificatif n° 1)" in titles[1], titles
    ids = feed.xpath("//a:entry/a:id/text()", namespaces=ns)
    assert f"{session.absolute_url()}/liste-des-deliberations/@@download/file" in ids
    assert not [i for i in ids if "proces-verbal-projet" in i]
    # the page passes axe-core's WCAG 2.1 A/AA rules with no serious or critical violation
    browser = chromium()
    try:
        browser.get(f"{api.portal.get().absolute_url()}/@@seances-publiques")
        serious = [v for v in axe(browser) if v["impact"] in ("serious", "critical")]
    finally:
        browser.quit()
    assert serious == [], json.dumps(serious, indent=1)
