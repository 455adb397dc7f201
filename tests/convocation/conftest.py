"""A real SMTP server (aiosmtpd) on a free port, the functional world of tests/content, and helpers."""

from aiosmtpd.controller import Controller
from content.conftest import World
from email import message_from_bytes
from email import policy
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import socket
import transaction


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """What the SMTP server accepted; it refuses any recipient whose address starts with 'refuse'."""

    def __init__(self):
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for rcpt, m in self.messages if address in rcpt]

    def clear(self):
        self.messages.clear()


@pytest.fixture(scope="session")
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def inbox(smtp_server):
    smtp_server.handler.clear()
    return smtp_server.handler


def point_mailhost(port):
    """Plone's mail settings (Configuration du site → Courriel), which its MailHost follows."""
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)


@pytest.fixture
def site(functional_portal, smtp_server):
    """The world of tests/content, committed, mail going to the local SMTP server."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    world = World(functional_portal)
    api.portal.set_registry_record("plone.email_from_address", "secretariat@val-exemple.example.org")
    api.portal.set_registry_record("plone.email_from_name", "Communauté de communes du Val d'Exemple")
    point_mailhost(smtp_server.port)
    world.deliberation = world.validated()
    world.schedule(world.deliberation)
    transaction.commit()
    return world


def convene(session, user="secretaire", **kwargs):
    with api.env.adopt_user(username=user):
        api.portal.get_tool("portal_workflow").doActionFor(session, "convene", **kwargs)
    transaction.commit()
    transaction.begin()  # see what the after-commit hook recorded in its own transaction


PASSWORD = "secret-1234"


@pytest.fixture
def browser(request_factory):
    """browser("elu") is a session logged in as that person, browser() an anonymous one."""

    def open_as(user_id=None):
        session = (
            request_factory(api=False)
            if user_id is None
            else request_factory(basic_auth=(user_id, PASSWORD), api=False)
        )
        session.headers["Accept"] = "text/html"
        return session

    return open_as


@pytest.fixture
def rest(request_factory):
    def open_as(user_id):
        return request_factory(basic_auth=(user_id, PASSWORD))

    return open_as


def personal_link(message):
    """The personal link in a convocation's text."""
    text = message.get_body(("plain",)).get_content()
    return next(line.strip() for line in text.splitlines() if "@@convocation-lien/" in line)


def read_as_the_page_does(session, page, user_agent=None):
    """What the link page's script posts once the page is displayed to a person: its reading form (the token)."""
    from lxml import html

    form = html.fromstring(page.text).xpath('//form[@id="reading-receipt"]')[0]
    data = {field.get("name"): field.get("value") for field in form.xpath(".//input")}
    headers = {"User-Agent": user_agent} if user_agent else {}
    return session.post(form.get("action"), data=data, headers=headers)


def authenticator(html_text):
    from lxml import html

    return html.fromstring(html_text).xpath('//input[@name="_authenticator"]/@value')[0]


TSA_CONFIG = """
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = Autorite d'horodatage de test
[ tsa_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
[ tsa_config ]
serial = {dir}/serial
signer_cert = {dir}/tsa.pem
signer_key = {dir}/tsa.key
certs = {dir}/tsa.pem
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


@pytest.fixture(scope="session")
def tsa(tmp_path_factory):
    """A real RFC 3161 timestamping authority: `openssl ts -reply` behind a small HTTP server."""
    import http.server
    import subprocess
    import threading

    directory = tmp_path_factory.mktemp("tsa")
    (directory / "tsa.cnf").write_text(TSA_CONFIG.format(dir=directory))
    (directory / "serial").write_text("01\n")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", directory / "tsa.key",
         "-out", directory / "tsa.pem", "-days", "2", "-config", directory / "tsa.cnf", "-extensions", "tsa_ext"],
        check=True, capture_output=True,
    )  # fmt: skip
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            query = self.rfile.read(int(self.headers["Content-Length"]))
            with lock:
                (directory / "query.tsq").write_bytes(query)
                subprocess.run(
                    ["openssl", "ts", "-reply", "-queryfile", directory / "query.tsq", "-config",
                     directory / "tsa.cnf", "-section", "tsa_config", "-out", directory / "reply.tsr"],
                    check=True, capture_output=True,
                )  # fmt: skip
                reply = (directory / "reply.tsr").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/tsa"
    server.certificate = directory / "tsa.pem"
    yield server
    server.shutdown()
