"""Members who asked for paper: the field on their seat, a list with a printable letter on the follow-up page,
"papier" on their record; the letter is also the session's convocation letter before convening."""

from .conftest import convene
from .conftest import personal_link
from collective.deliberations.convocation.storage import get_convocation
from lxml import html
from plone import api
from pypdf import PdfReader

import io
import transaction


def pages(response):
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages]


def test_paper_members_get_a_letter_and_their_record_says_so(site, inbox, browser):
    site.council["elu2"].paper_convocation = True
    api.user.get(userid="agent").setMemberProperties(mapping={"email": ""})
    api.content.create(site.council, "Membership", id="agent", member="agent", paper_convocation=True)
    transaction.commit()
    convene(site.session)
    convocation = get_convocation(site.session)
    assert convocation.get("agent").status == "paper" and convocation.get("agent").failures == []
    assert convocation.get("elu2").paper and convocation.get("elu2").status == "sent"  # and the e-mail as well
    assert not convocation.get("elu").paper
    secretariat = browser("secretaire")
    page = html.fromstring(secretariat.get(f"{site.session.absolute_url()}/@@convocation-suivi").text)
    paper = " ".join(page.xpath('//*[@id="paper"]')[0].text_content().split())
    assert "Convocations papier" in paper and "Élue du conseil" in paper and "Agent Finances" in paper
    assert "Élu du conseil et de la commission" not in paper
    assert "papier" in page.xpath('//*[@id="recipient-elu2"]')[0].text_content()
    assert "Sur papier seulement" in page.xpath('//*[@id="recipient-agent"]')[0].text_content()
    letters = pages(secretariat.get(page.xpath('//a[@id="paper-letters"]/@href')[0]))
    assert len(letters) == 2
    assert letters[0].startswith("Communauté") or "Objet : convocation — Séance" in letters[0]
    assert all("J'ai l'honneur de vous convoquer à la séance de Conseil communautaire" in t for t in letters)
    assert "Agent Finances" in letters[0] and "Élue du conseil" in letters[1]
    assert "Budget primitif" in letters[1]
    link = personal_link(inbox.to("elu2@example.org")[0])
    assert link.split("/")[-1][:20] in letters[1].replace(" ", "")
    (one,) = pages(secretariat.get(f"{site.session.absolute_url()}/@@convocation-lettre.pdf?recipient=elu"))
    assert "Élu du conseil et de la commission" in one
    csv = secretariat.get(f"{site.session.absolute_url()}/@@convocation-suivi.csv").content.decode("utf-8-sig")
    assert [line.rsplit(";", 1)[1] for line in csv.splitlines()[1:]] == ["papier", "", "papier"]  # agent, elu, elu2


def test_the_letter_before_convening_and_who_may_print_it(site, browser):
    url = f"{site.session.absolute_url()}/@@convocation-lettre.pdf"
    (letter,) = pages(browser("secretaire").get(url))
    assert "Madame, Monsieur," in letter and "Budget primitif" in letter
    assert browser("elu").get(url, allow_redirects=False).status_code in (302, 401, 403)
    assert browser().get(url, allow_redirects=False).status_code in (302, 401)


def test_the_seat_form_has_the_paper_field(site, browser):
    form = browser("secretaire").get(f"{site.council['elu'].absolute_url()}/@@edit").text
    assert "Convocation papier" in form
