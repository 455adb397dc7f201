"""Plone Classic and the product's pages run under the site's Content-Security-Policy (security/headers.py): headless
Chromium opens them, lets their scripts run (TinyMCE, the mockup patterns, the product's own) and its console
reports no refusal of the policy."""

from convocation.conftest import convene
from convocation.conftest import inbox  # noqa: F401  (fixture)
from convocation.conftest import PASSWORD
from convocation.conftest import site  # noqa: F401  (fixture)
from convocation.conftest import smtp_server  # noqa: F401  (fixture)
from documents.chromium import chromium
from documents.chromium import csp_violations
from plone import api
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

import pytest
import transaction


TINYMCE = ".tox-tinymce"


@pytest.fixture
def driver():
    browser = chromium()
    yield browser
    browser.quit()


def log_in(driver, portal_url, user_id):
    driver.delete_all_cookies()
    driver.get(f"{portal_url}/login_form")
    driver.find_element(By.NAME, "__ac_name").send_keys(user_id)
    driver.find_element(By.NAME, "__ac_password").send_keys(PASSWORD)
    button = driver.find_element(By.CSS_SELECTOR, "#login-form [type=submit]")
    button.click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(button))


def opened(driver, url, selector="body"):
    """What the policy refused on the page, once its scripts have run: the element they build is there (else said),
    and the page is idle."""
    from selenium.common.exceptions import TimeoutException

    driver.get(url)
    try:
        WebDriverWait(driver, 30).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector)))
    except TimeoutException:
        return [f"{selector} never appeared"] + csp_violations(driver)
    driver.execute_async_script("const done = arguments[0]; setTimeout(done, 1500);")
    return csp_violations(driver)


def test_classic_and_product_pages_run_under_the_policy(site, inbox, driver):  # noqa: F811
    api.user.create(username="gestionnaire", email="g@example.org", password=PASSWORD, roles=["Manager"])
    transaction.commit()
    convene(site.session)
    portal_url = site.portal.absolute_url()
    refused = {}
    pages = {
        "gestionnaire": [
            (f"{portal_url}/++add++Document", TINYMCE),
            (f"{portal_url}/folder_contents", ".pat-structure table, .structure-wrapper"),
            (f"{site.deliberation.absolute_url()}/edit", TINYMCE),
            (f"{portal_url}/@@overview-controlpanel", "body"),
        ],
        "secretaire": [
            (site.session.absolute_url(), "body"),
            (f"{site.session.absolute_url()}/@@convocation-suivi", "body"),
        ],
        "elu": [(f"{portal_url}/@@mes-seances", "body"), (f"{site.session.absolute_url()}/@@dossier", "#dossier-toc")],
        None: [(portal_url, "body"), (f"{portal_url}/@@actes", "body"), (f"{portal_url}/@@seances-publiques", "body")],
    }
    for user_id, urls in pages.items():
        if user_id is None:
            driver.delete_all_cookies()
        else:
            log_in(driver, portal_url, user_id)
        csp_violations(driver)  # the login page's, if any, are counted with its own visit below
        for url, selector in urls:
            found = opened(driver, url, selector)
            if found:
                refused[url] = found
    found = opened(driver, f"{portal_url}/login_form", "#login-form")
    if found:
        refused["login_form"] = found
    assert refused == {}
