"""The life of the procès-verbal (draft completed, approved at a later séance, signed, published) and the
publication of the liste des délibérations, through the page @@publication, REST @publication and the dashboard."""

from .test_page import page
from .test_page import token
from .test_page import words
from collective.deliberations.seance.attendance import record_roll_call
from collective.deliberations.seance.liste import generate_liste
from collective.deliberations.seance.liste import title as liste_title
from collective.deliberations.seance.minutes import generate_minutes
from collective.deliberations.seance.votes import record_vote
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from plone import api

import base64
import hashlib
import io
import pypdf
import pytest
import transaction


def blank_pdf():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def documented(held):
    """The séance voted, its list and its draft PV made; a later séance of the council being held."""
    held.everyone_present()
    with api.env.adopt_user(username="secretaire"):
        record_roll_call(held.session, secretary="girard")
        record_vote(held.items[0], "unanimity")
        generate_liste(held.session)
        generate_minutes(held.session)
    held.later = api.content.create(
        held.council, "Session", id="suivante", title="Séance suivante", start=held.session.start + timedelta(days=30)
    )
    held.information(held.later)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(held.later, "convene")
        api.content.transition(held.later, "hold")
    transaction.commit()
    return held


def denied(response):
    """Not readable: 401/403 (or 404 when it does not exist yet), or Plone's login form in place of the page."""
    return response.status_code in (401, 403, 404) or any(
        page in response.url for page in ("require_login", "/login?", "insufficient-privileges")
    )


def post(client, path, **data):
    tree = page(client.get(path))
    return page(client.post(path, data={**data, "_authenticator": token(tree)}))


def test_approved_at_the_later_seance_signed_and_published_from_the_page(documented, secretariat, html_browser):
    anonymous = html_browser()
    official = html_browser("elu")
    for client in (anonymous, official):
        assert denied(client.get("conseil/seance/@@publication"))
    tree = page(secretariat.get("conseil/seance/@@publication"))
    assert "Procès-verbal de la séance du" in words(tree)
    assert "pas encore (arrêté lors d'une séance ultérieure)" in words(tree)
    # signing before the approval is refused, with its reason
    tree = post(secretariat, "conseil/seance/@@publication", action="sign", signatures="1")
    assert "Le procès-verbal est signé une fois arrêté." in words(tree)
    # the later séance approves it: the draft no longer changes
    tree = page(secretariat.get("conseil/suivante/@@publication"))
    button = tree.xpath('//section[@id="approvals"]//button')
    assert len(button) == 1 and "Arrêter : Procès-verbal de la séance du" in words(button[0])
    tree = post(secretariat, "conseil/suivante/@@publication", action="approve", minutes_of=documented.session.UID())
    assert "Enregistré." in words(tree) and not tree.xpath('//section[@id="approvals"]')
    tree = page(secretariat.get("conseil/seance/@@publication"))
    assert "lors de la séance Séance suivante du" in words(tree)
    assert not tree.xpath('//input[@name="action"][@value="draft"]')  # no more replacing the draft
    tree = post(secretariat, "conseil/seance/@@publication", action="sign", signatures="1")
    assert "signatures de Hélène Marchetti et Paul Girard" in words(tree)
    assert denied(anonymous.get("conseil/seance/proces-verbal/@@download/file"))
    tree = post(secretariat, "conseil/seance/@@publication", action="publish")
    online = tree.xpath('//section[@id="minutes"]//a[contains(@href, "/proces-verbal/@@download/file")]')
    assert online, words(tree)
    transaction.begin()
    document = documented.session["proces-verbal"]
    assert document.Title() == documented.session["proces-verbal-projet"].Title().replace(" (projet)", "")
    assert api.content.get_state(document) == "publishable" and document.effective_date is not None
    response = anonymous.get("conseil/seance/proces-verbal/@@download/file")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")  # a non-modifiable format
    tree = post(secretariat, "conseil/seance/@@publication", action="publish")
    assert "Le procès-verbal est déjà publié." in words(tree)


def test_the_same_steps_through_rest(documented, request_factory, html_browser):
    rest = request_factory(basic_auth=("secretaire", "secret-1234"))
    official = request_factory(basic_auth=("elu", "secret-1234"))
    anonymous = html_browser()
    assert official.post("conseil/seance/@publication", json={"action": "publish-liste"}).status_code in (401, 403)
    assert denied(anonymous.get("conseil/seance/liste-des-deliberations/@@download/file"))
    state = rest.get("conseil/seance/@publication").json()
    assert state["liste"]["published"] is None and state["minutes"]["draft"].endswith("/proces-verbal-projet")
    published = rest.post("conseil/seance/@publication", json={"action": "publish-liste"})
    assert published.status_code == 200 and published.json()["liste"]["published"]
    assert anonymous.get("conseil/seance/liste-des-deliberations/@@download/file").status_code == 200
    # the completed draft replaces the generated one, until the approval
    completed = {"data": base64.b64encode(b"PK completed draft").decode(), "filename": "pv-complete.odt"}
    assert rest.post("conseil/seance/@publication", json={"action": "draft", "file": completed}).status_code == 200
    transaction.begin()
    assert documented.session["proces-verbal-projet"].file.data == b"PK completed draft"
    same = rest.post("conseil/seance/@publication", json={"action": "approve", "minutes_of": documented.session.UID()})
    assert same.status_code == 400
    assert same.json()["error"]["message"] == "Un procès-verbal est arrêté lors d'une séance ultérieure du même organe."
    approved = rest.post(
        "conseil/suivante/@publication", json={"action": "approve", "minutes_of": documented.session.UID()}
    )
    assert approved.status_code == 200
    again = rest.post("conseil/seance/@publication", json={"action": "draft", "file": completed})
    assert again.json()["error"]["message"] == "Le procès-verbal a été arrêté : il ne change plus."
    not_pdf = rest.post("conseil/seance/@publication", json={"action": "sign", "file": completed})
    assert not_pdf.json()["error"]["message"] == "Le procès-verbal signé doit être un fichier PDF."
    signed = {"data": base64.b64encode(blank_pdf()).decode(), "filename": "pv-signe.pdf"}
    state = rest.post("conseil/seance/@publication", json={"action": "sign", "file": signed}).json()
    assert state["minutes"]["signed"]["mode"] == "file" and state["minutes"]["published"] is None
    assert denied(anonymous.get("conseil/seance/proces-verbal/@@download/file"))
    state = rest.post("conseil/seance/@publication", json={"action": "publish"}).json()
    assert state["minutes"]["published"] and state["minutes"]["approved"]["seance_title"] == "Séance suivante"
    response = anonymous.get("conseil/seance/proces-verbal/@@download/file")
    assert response.status_code == 200 and response.content == base64.b64decode(signed["data"])


def dashboard(client):
    tree = page(client.get("@@deliberations-dashboard"))
    assert tree.xpath('//div[contains(@class, "deliberations-dashboard")]')  # the page itself, in HTML
    found = tree.xpath('//section[@id="publications"]')
    return words(found[0]) if found else None


def test_the_dashboard_warns_of_the_one_week_deadlines(documented, secretariat, request_factory, html_browser):
    assert dashboard(secretariat) is None  # the séance is ten days ahead: nothing due yet
    documented.session.start = documented.session.start - timedelta(days=19)  # nine days ago
    documented.session.reindexObject()
    transaction.commit()
    warned = dashboard(secretariat)
    assert "Liste des délibérations de la séance du" in warned and "En retard" in warned
    assert "Procès-verbal" not in warned  # not approved yet: its week has not begun
    official = html_browser("elu")
    assert dashboard(official) is None
    rest = request_factory(basic_auth=("secretaire", "secret-1234"))
    rest.post("conseil/seance/@publication", json={"action": "publish-liste"})
    # approved at a séance held six days ago: one day left to publish
    transaction.begin()  # what the server committed meanwhile
    documented.later.start = datetime.now() - timedelta(days=6)
    documented.later.reindexObject()
    transaction.commit()
    rest.post("conseil/suivante/@publication", json={"action": "approve", "minutes_of": documented.session.UID()})
    warned = dashboard(secretariat)
    assert liste_title(documented.session) not in warned  # published
    assert liste_title(documented.later) in warned  # the later séance's own week runs
    assert "Procès-verbal de la séance du" in warned and "Bientôt dû" in warned
    tree = page(secretariat.get("conseil/seance/@@publication"))
    assert "à publier avant le" in words(tree.xpath('//div[@role="alert"]')[0])
    # signed and published: the procès-verbal leaves the dashboard
    rest.post("conseil/seance/@publication", json={"action": "sign", "signatures": True})
    assert rest.post("conseil/seance/@publication", json={"action": "publish"}).json()["minutes"]["published"]
    warned = dashboard(secretariat)
    assert "Procès-verbal" not in warned and liste_title(documented.later) in warned


def test_the_catalog_knows_what_each_seance_has_to_publish(documented):
    """What the dashboard reads without waking the séances: kept up to date by the transition to held."""
    (brain,) = api.content.find(UID=documented.later.UID())
    due = (documented.later.start.date() + timedelta(days=7)).isoformat()
    assert brain.publication_deadlines == (("liste", liste_title(documented.later), due),)
    found = api.content.find(
        portal_type="Session", publication_due={"query": DateTime(f"{due} 00:00:00"), "range": "max"}
    )
    assert documented.later.UID() in [b.UID for b in found]


def digest(response):
    assert response.status_code == 200, response.status_code
    return hashlib.sha256(response.content).hexdigest()


def test_a_published_list_is_not_replaced_but_corrected_by_a_rectificatif(
    documented, request_factory, secretariat, html_browser
):
    rest = request_factory(basic_auth=("secretaire", "secret-1234"))
    anonymous = html_browser()
    early = rest.post("conseil/seance/@publication", json={"action": "rectify-liste"})
    assert early.json()["error"]["message"] == (
        "Seule une liste publiée se corrige par un rectificatif ; d'ici là, refaites-la."
    )
    assert rest.post("conseil/seance/@liste-deliberations").status_code == 201  # made again until published
    assert rest.post("conseil/seance/@publication", json={"action": "publish-liste"}).status_code == 200
    first = digest(anonymous.get("conseil/seance/liste-des-deliberations/@@download/file"))
    online = rest.get("conseil/seance/@publication").json()["liste"]["published"]
    # made again after its publication: refused, with the reason and what to do; the file online does not change
    again = rest.post("conseil/seance/@liste-deliberations")
    assert again.status_code == 400
    message = again.json()["error"]["message"]
    assert message.startswith("La liste des délibérations a été mise en ligne le ")
    assert "un document publié n'est plus modifié (R2131-1)" in message and "publiez un rectificatif" in message
    tree = post(secretariat, "conseil/seance/@@seance", action="liste")
    assert "un document publié n'est plus modifié" in words(tree)
    assert digest(anonymous.get("conseil/seance/liste-des-deliberations/@@download/file")) == first
    official = request_factory(basic_auth=("elu", "secret-1234"))
    assert official.post("conseil/seance/@publication", json={"action": "rectify-liste"}).status_code in (401, 403)
    # the rectificatif: a new document online beside the first, each with its date of putting online
    state = rest.post("conseil/seance/@publication", json={"action": "rectify-liste"}).json()
    assert state["liste"]["published"] == online
    (rectificatif,) = state["liste"]["rectificatifs"]
    assert rectificatif["title"] == f"{liste_title(documented.session)} (rectificatif n° 1)"
    assert rectificatif["published"] and rectificatif["document"].endswith("/liste-des-deliberations-rectificatif-1")
    corrected = anonymous.get("conseil/seance/liste-des-deliberations-rectificatif-1/@@download/file")
    assert corrected.status_code == 200 and corrected.content.startswith(b"%PDF")
    assert digest(anonymous.get("conseil/seance/liste-des-deliberations/@@download/file")) == first
    tree = page(secretariat.get("conseil/seance/@@publication"))
    links = tree.xpath('//ul[@id="rectificatifs"]//a')
    assert [words(a) for a in links] == [rectificatif["title"]]
    tree = post(secretariat, "conseil/seance/@@publication", action="rectify-liste")
    assert "Enregistré." in words(tree) and len(tree.xpath('//ul[@id="rectificatifs"]/li')) == 2


def test_an_approved_draft_is_not_made_again(documented, request_factory):
    rest = request_factory(basic_auth=("secretaire", "secret-1234"))
    before = digest(rest.get("conseil/seance/proces-verbal-projet/@@download/file"))
    approved = rest.post(
        "conseil/suivante/@publication", json={"action": "approve", "minutes_of": documented.session.UID()}
    )
    assert approved.status_code == 200
    again = rest.post("conseil/seance/@proces-verbal")
    assert again.status_code == 400
    assert again.json()["error"]["message"] == "Le procès-verbal a été arrêté : il ne change plus."
    assert digest(rest.get("conseil/seance/proces-verbal-projet/@@download/file")) == before


def test_get_publication_names_only_the_documents_the_caller_may_view(documented, request_factory):
    rest = request_factory(basic_auth=("secretaire", "secret-1234"))
    official = request_factory(basic_auth=("elu", "secret-1234"))
    state = official.get("conseil/seance/@publication").json()
    assert state["liste"]["title"] == liste_title(documented.session)  # the session is visible, its steps too
    assert state["minutes"]["draft"] is None and state["liste"]["document"] is None  # internal documents
    state = rest.get("conseil/seance/@publication").json()
    assert state["minutes"]["draft"].endswith("/proces-verbal-projet")
    assert state["liste"]["document"].endswith("/liste-des-deliberations")
    rest.post("conseil/seance/@publication", json={"action": "publish-liste"})
    state = official.get("conseil/seance/@publication").json()
    assert state["liste"]["document"].endswith("/liste-des-deliberations")  # online: anyone may view it
    assert state["minutes"]["draft"] is None
