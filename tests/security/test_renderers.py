"""A user's text never makes a renderer read a file of the server or call an address (security review, finding 1).

The review's attack, in a redacteur's exposé or in a document sent to be converted: an attachment (`rel=
"attachment"`) and a link to a real file of the server holding a secret (the instance's database address), an image
from an HTTP server started here that records every request, an image from a file. Each generated file is still
made with its text, holds neither the secret nor the images, and the server is never called."""

from collective.deliberations.acts.frozen import published_act
from collective.deliberations.archives.pdfa import act_pdfa
from collective.deliberations.convocation.dossier_pdf import render
from collective.deliberations.documents.office import office_to_pdf
from collective.deliberations.documents.rendering import html_to_pdfa
from collective.deliberations.seance.minutes import generate_minutes
from content.conftest import World
from convocation.conftest import convene
from convocation.conftest import inbox  # noqa: F401  (fixture)
from convocation.conftest import site  # noqa: F401  (fixture)
from convocation.conftest import smtp_server  # noqa: F401  (fixture)
from documents.conftest import samples  # noqa: F401  (fixture)
from documents.test_portal import published  # noqa: F401  (fixture)
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobImage
from pypdf import PdfReader
from seance.conftest import held  # noqa: F401  (fixture)
from types import SimpleNamespace

import base64
import io
import pytest
import subprocess
import threading
import transaction
import zipfile


SECRET = "postgresql://zope:Sesame-7f3c9@db.interne/zodb"
VISIBLE = "Hirondelle"
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")


class Recorder(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(PIXEL)))
        self.end_headers()
        self.wfile.write(PIXEL)

    def log_message(self, *args):
        pass


@pytest.fixture
def trap(tmp_path):
    """A secret file on the server, an image file, and an HTTP server on this machine that records its requests."""
    secret = tmp_path / "zope-postgres-8081.conf"
    secret.write_text(f"<relstorage>\n  dsn {SECRET}\n</relstorage>\n")
    image = tmp_path / "image.png"
    image.write_bytes(PIXEL)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(
        secret=secret, image=image, url=f"http://127.0.0.1:{server.server_address[1]}", requests=server.requests
    )
    server.shutdown()
    server.server_close()


def hostile(trap):
    return (
        f"<p>Exposé {VISIBLE} du budget annexe.</p>"
        f'<p><a rel="attachment" href="file://{trap.secret}">configuration</a> '
        f'<a href="file://{trap.secret}">lien</a> <img src="{trap.url}/pixel.png" alt="pixel"> '
        f'<img src="file://{trap.image}" alt="fichier"></p>'
    )


def pdf_text(data, tmp_path):
    path = Path(tmp_path) / "out.pdf"
    path.write_bytes(data)
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def assert_harmless(data, trap, tmp_path, visible=VISIBLE):
    """`data` is a PDF with the visible text, no secret (text, attachments, any stream), no image; no request."""
    assert data.startswith(b"%PDF"), data[:100]
    assert visible in pdf_text(data, tmp_path)
    reader = PdfReader(io.BytesIO(data))
    assert not reader.attachments, list(reader.attachments)
    assert sum(len(page.images) for page in reader.pages) == 0
    (Path(tmp_path) / "out.pdf").write_bytes(data)
    plain = subprocess.run(
        ["qpdf", "--qdf", "--object-streams=disable", str(Path(tmp_path) / "out.pdf"), "-"], capture_output=True
    )
    assert plain.stdout.startswith(b"%PDF") and SECRET.encode() not in plain.stdout  # every stream, uncompressed
    assert trap.requests == []


def old_text(deliberation, markup):
    """Rich text stored before the cleaning at save time (set without any event)."""
    deliberation.expose = RichTextValue(markup, "text/html", "text/x-html-safe")


def test_act_pdf(published, trap, request_factory, tmp_path):  # noqa: F811
    world, act, adopted, individual, planned = published
    old_text(adopted, hostile(trap))
    transaction.commit()
    response = request_factory(basic_auth=("secretaire", "secret-1234"), api=False).get(
        f"{adopted.absolute_url()}/@@acte.pdf"
    )
    assert response.status_code == 200, response.text[-2000:]
    assert_harmless(response.content, trap, tmp_path)


def test_act_frozen_at_publication_and_archival_copy(published, trap, tmp_path):  # noqa: F811
    world, act, adopted, individual, planned = published
    old_text(adopted, hostile(trap))
    old_text(individual, hostile(trap))
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(adopted, "publish")
    assert_harmless(published_act(adopted)["file"].data, trap, tmp_path)
    filename, opener, identification, rendered_now = act_pdfa(individual)  # the act for the SIP, rendered now
    assert rendered_now
    assert_harmless(opener().read(), trap, tmp_path)


def test_every_weasyprint_rendering(functional_portal, trap, tmp_path):
    """The ordre du jour, the convocation letter, the follow-up report and the dossier's sommaire go through the
    same two calls as the act: whatever their template holds, nothing but the site's own resources is loaded."""
    page = (
        f'<!DOCTYPE html><html><head><link rel="attachment" href="file://{trap.secret}">'
        f'<link rel="stylesheet" href="{trap.url}/style.css"><style>body {{ background: url("{trap.url}/fond.png") }}'
        f"</style></head><body>{hostile(trap)}</body></html>"
    )
    assert_harmless(html_to_pdfa(page, functional_portal.absolute_url()), trap, tmp_path)
    assert_harmless(render(page).write_pdf(), trap, tmp_path)


def test_the_session_documents(site, inbox, trap, request_factory, tmp_path):  # noqa: F811
    """The ordre du jour, the convocation letter, the follow-up report and the dossier, with the attack in the
    objet of a deliberation and in the place of the séance (plain text: their templates escape it)."""
    markup = f'{VISIBLE} <img src="{trap.url}/titre.png"> <a rel="attachment" href="file://{trap.secret}">x</a>'
    site.deliberation.title = markup
    site.deliberation.reindexObject()
    site.session.place = markup
    transaction.commit()
    convene(site.session)
    secretariat = request_factory(basic_auth=("secretaire", "secret-1234"), api=False)
    for view, visible in (
        ("ordre-du-jour.pdf", VISIBLE),
        ("convocation-lettre.pdf", VISIBLE),
        ("convocation-suivi.pdf", "Suivi de la convocation"),  # no objet nor place in it
        ("dossier.pdf", VISIBLE),
    ):
        response = secretariat.get(f"{site.session.absolute_url()}/@@{view}")
        assert response.status_code == 200, (view, response.text[-2000:])
        assert_harmless(response.content, trap, tmp_path, visible)


def test_the_sites_own_image_is_still_rendered(functional_portal, trap, tmp_path):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(functional_portal, "Folder", id="images", title="Images")
    image = api.content.create(
        folder, "Image", id="logo", image=NamedBlobImage(PIXEL, filename="logo.png", contentType="image/png")
    )
    inline = f"data:image/png;base64,{base64.b64encode(PIXEL).decode()}"
    scale = f"{image.absolute_url()}/@@images/image/thumb"  # as TinyMCE inserts it
    page = f'<p>{VISIBLE}</p><img src="{image.absolute_url()}"><img src="{scale}"><img src="{inline}">'
    data = html_to_pdfa(page, functional_portal.absolute_url())
    assert sum(len(p.images) for p in PdfReader(io.BytesIO(data)).pages) == 3
    assert api.content.get_state(folder) == "private"
    with api.env.adopt_roles(["Anonymous"]):  # read as its reader: a private image is not for a visitor's PDF
        data = html_to_pdfa(page, functional_portal.absolute_url())
    assert sum(len(p.images) for p in PdfReader(io.BytesIO(data)).pages) == 1
    assert trap.requests == []


def hostile_odt(trap, path):
    """An OpenDocument text linking an image of the HTTP server, an image file and a section from the secret file."""
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2"><office:body><office:text>
<text:p>Procès-verbal {VISIBLE}</text:p>
<text:p><draw:frame draw:name="a" svg:width="2cm" svg:height="2cm" text:anchor-type="paragraph">
<draw:image xlink:href="{trap.url}/pixel.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>
</draw:frame></text:p>
<text:p><draw:frame draw:name="b" svg:width="2cm" svg:height="2cm" text:anchor-type="paragraph">
<draw:image xlink:href="file://{trap.image}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>
</draw:frame></text:p>
<text:section text:name="s"><text:section-source xlink:href="file://{trap.secret}" xlink:type="simple"
 text:filter-name="Text"/><text:p>section</text:p></text:section>
</office:text></office:body></office:document-content>"""
    manifest = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"""
    with zipfile.ZipFile(path, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        odt.writestr("META-INF/manifest.xml", manifest)
        odt.writestr("content.xml", content)
    return path


def test_libreoffice_conversion_of_a_hostile_document(trap, tmp_path):
    """What every office file goes through: annexes for the dossier, the PV's draft sent by the secretary."""
    source = hostile_odt(trap, tmp_path / "hostile.odt")
    work = tmp_path / "work"
    work.mkdir()
    assert_harmless(Path(office_to_pdf(str(source), "odt", str(work))).read_bytes(), trap, tmp_path)
    assert not [path for path in work.iterdir() if path.name.startswith("lo-profile-")]  # its profile is removed


def test_draft_minutes_and_their_pdf(held, trap, tmp_path):  # noqa: F811
    """The PV's draft carries the exposés (LibreOffice, HTML to ODT); published, the ODT goes to PDF."""
    old_text(held.deliberations[0], hostile(trap))
    draft = generate_minutes(held.session)
    with zipfile.ZipFile(io.BytesIO(draft.file.data)) as odt:
        content = odt.read("content.xml").decode()
        assert VISIBLE in content and SECRET not in content and "file:" not in content
        assert not [name for name in odt.namelist() if name.startswith("Pictures/")]
    assert trap.requests == []
    source = tmp_path / "pv.odt"
    source.write_bytes(draft.file.data)
    (tmp_path / "work").mkdir()
    assert_harmless(Path(office_to_pdf(str(source), "odt", str(tmp_path / "work"))).read_bytes(), trap, tmp_path)


@pytest.fixture
def redacteur_site(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    transaction.commit()
    return world


def test_the_stored_expose_is_cleaned(redacteur_site, trap, request_factory):
    agent = request_factory(basic_auth=("agent", "secret-1234"))
    created = agent.post(
        "finances",
        json={
            "@type": "Deliberation",
            "title": "Budget annexe",
            "nature": "1",
            "matiere": "7.1",
            "expose": {"data": hostile(trap), "content-type": "text/html"},
        },
    )
    assert created.status_code == 201, created.text[-2000:]
    transaction.begin()
    deliberation = api.content.get(UID=created.json()["UID"])
    stored = deliberation.expose.raw
    assert VISIBLE in stored and "attachment" not in stored and "file:" not in stored
    assert f'src="{trap.url}/pixel.png"' in stored  # an http(s) image stays (the renderers load none but the site's)
    changed = agent.patch(
        deliberation.absolute_url().replace(redacteur_site.portal.absolute_url(), "").lstrip("/"),
        json={
            "expose": {
                "data": f'<p>Autre</p><a rel="attachment" href="file://{trap.secret}">x</a>',
                "content-type": "text/html",
            }
        },
    )
    assert changed.status_code == 204, changed.text[-2000:]
    transaction.begin()
    assert "file:" not in deliberation.expose.raw and "attachment" not in deliberation.expose.raw
