"""The audit log read as its Managers read it: REST, page and CSV on a real HTTP server."""

from archives.conftest import functional_archives  # noqa: F401 (the archivist's world, for holds and eliminations)
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import csv
import io
import requests


def call(method, url, user="admin", **kwargs):
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD) if user == "admin" else (user, "secret-1234") if user else None
    headers = {"Accept": "application/json", "Accept-Language": "fr", **kwargs.pop("headers", {})}
    return requests.request(method, url, auth=auth, headers=headers, timeout=120, **kwargs)


def audit(portal, **filters):
    """The entries of GET @audit-log as a Manager, with `filters`, every page."""
    response = call("GET", f"{portal.absolute_url()}/@audit-log", params={"b_size": 1000, **filters})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def page(portal, name, who="admin", **filters):
    headers = {"Accept": "text/html"}
    return call("GET", f"{portal.absolute_url()}/@@{name}", who, headers=headers, params=filters, allow_redirects=False)


def csv_rows(response):
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for the spreadsheets
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def refused(response):
    """401/403, or Classic Plone's redirection of a logged-in person to its 'insufficient privileges' page."""
    if response.status_code == 302:
        return "require_login" in response.headers["Location"]
    return response.status_code in (401, 403)
