"""The shared macros are not a page: their URL answers 404, not a server error (found by scripts/smoke_runtime.py)."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD


def test_the_macros_url_is_not_found(site, browser, request_factory):
    url = f"{site.portal.absolute_url()}/@@deliberations-macros"
    assert browser().get(url).status_code == 404
    admin = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), api=False)
    admin.headers["Accept"] = "text/html"
    assert admin.get(url).status_code == 404
