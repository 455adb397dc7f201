"""docs/calendars.md is executed: its request is sent as written, and every line of its documented response is in
the response, in order ({{...}} stands for what changes from one run to the next)."""

from convocation.conftest import convene
from convocation.conftest import inbox  # noqa: F401  (fixture)
from convocation.conftest import site  # noqa: F401  (fixture)
from convocation.conftest import smtp_server  # noqa: F401  (fixture)
from datetime import datetime
from pathlib import Path
from plone import api

import re
import transaction


DOC = Path(__file__).resolve().parents[2] / "docs" / "calendars.md"


def unfolded(text):
    """The content lines of an iCalendar text (RFC 5545 3.1: a line break and one space continue a line)."""
    return re.sub(r"\r?\n[ \t]", "", text).replace("\r\n", "\n").splitlines()


def test_the_documented_request_gives_the_documented_response(site, inbox, request_factory):  # noqa: F811
    request, response = re.findall(r"```http\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    method, path, _version = request.splitlines()[0].split()
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Paris")
    site.session.start = datetime(datetime.now().year + 1, 7, 20, 18, 30)
    site.session.place = "Salle du conseil, 2 place de la Mairie, Saint-Exemple"
    transaction.commit()
    convene(site.session)
    base = api.portal.get().absolute_url().rsplit("/plone", 1)[0]
    got = request_factory(api=False).request(method, f"{base}{path}")
    head, _sep, body = response.partition("\n\n")
    status, *headers = head.splitlines()
    assert got.status_code == int(status.split()[1])
    for header in headers:
        name, value = header.split(": ", 1)
        assert got.headers[name] == value
    lines = unfolded(got.content.decode("utf-8"))
    position = 0
    for expected in body.strip().splitlines():
        pattern = re.compile(".+".join(re.escape(part) for part in re.split(r"\{\{[^}]*\}\}", expected)) + "$")
        while position < len(lines) and not pattern.match(lines[position]):
            position += 1
        assert position < len(lines), f"{expected!r} not found in order in:\n" + "\n".join(lines)
        position += 1
