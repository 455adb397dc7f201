"""The viewer in headless Chromium on a tablet-size window: its script comes from the Plone 6 bundle; thumbnails,
next and previous by button and key, zoom, search in the text, the original downloadable. A screenshot is kept in
tests/artefacts/viewer-tablet.png."""

from . import files
from .chromium import ARTEFACTS
from .chromium import chromium
from .chromium import csp_violations
from .conftest import add_file
from .test_portal import published  # noqa: F401  (fixture)
from collective.deliberations.documents.status import CONVERTED
from collective.deliberations.documents.status import get_status
from plone import api
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import pytest
import requests
import transaction


@pytest.fixture
def public_document(folder, runner, tmp_path):
    api.content.transition(folder, "publish")
    pdf = files.pdf(tmp_path, "dossier", ["Rapport page un", "Budget page deux", "Annexe Zorglubienne page trois"])
    document = add_file(folder, pdf.read_bytes(), "dossier.pdf", title="Dossier de séance")
    transaction.commit()
    assert runner() == 1
    return document, pdf.read_bytes()


@pytest.fixture
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def current(browser):
    return browser.find_element(By.CSS_SELECTOR, ".viewer-current").text


def test_viewer_on_a_tablet(public_document, browser):
    document, data = public_document
    url = document.absolute_url()
    browser.get(f"{url}/@@viewer")
    wait = WebDriverWait(browser, 20)
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, ".deliberations-viewer").get_attribute("data-viewer-ready"))
    scripts = browser.execute_script("return Array.from(document.scripts).map(s => s.src)")
    assert any("collective-deliberations" in (src or "") or "viewer.js" in (src or "") for src in scripts), scripts
    page = browser.find_element(By.CSS_SELECTOR, ".viewer-page")
    wait.until(lambda b: b.execute_script("return arguments[0].complete && arguments[0].naturalWidth", page))
    assert len(browser.find_elements(By.CSS_SELECTOR, ".viewer-thumbnail img")) == 3
    assert current(browser) == "1"

    browser.find_element(By.CSS_SELECTOR, "body").send_keys(Keys.ARROW_RIGHT)
    assert current(browser) == "2" and page.get_attribute("src").endswith("/@@viewer-image/large/2")
    browser.find_element(By.CSS_SELECTOR, ".viewer-next").click()
    assert current(browser) == "3" and browser.current_url.endswith("@@viewer?page=3")
    browser.find_element(By.CSS_SELECTOR, ".viewer-prev").click()
    assert current(browser) == "2"
    browser.find_elements(By.CSS_SELECTOR, ".viewer-thumbnail")[0].click()
    assert current(browser) == "1"

    width = page.size["width"]
    browser.find_element(By.CSS_SELECTOR, ".viewer-zoom-in").click()
    browser.find_element(By.CSS_SELECTOR, ".viewer-zoom-in").click()
    assert page.size["width"] > width * 1.3

    search = browser.find_element(By.ID, "viewer-q")
    search.send_keys("Zorglubienne")
    search.submit()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".viewer-match"))
    matches = browser.find_elements(By.CSS_SELECTOR, ".viewer-match")
    assert [m.get_attribute("data-page") for m in matches] == ["3"]
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, ".deliberations-viewer").get_attribute("data-viewer-ready"))
    browser.find_element(By.CSS_SELECTOR, ".viewer-match").click()
    assert current(browser) == "3"

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTEFACTS / "viewer-tablet.png"))
    download = browser.find_element(By.ID, "viewer-download").get_attribute("href")
    assert download.endswith("/@@download/file")
    assert requests.get(download, timeout=30).content == data
    assert csp_violations(browser) == []  # the viewer runs under the site's Content-Security-Policy


def test_page_images_follow_the_document_permission(published, runner, request_factory):  # noqa: F811
    world, act, adopted, individual, planned = published
    assert runner() >= 2  # the two annexes' conversions (and the decided acts' archival PDF/A copies)
    public, confidential = act["annexe-publique.pdf"], act["annexe-confidentielle.pdf"]
    assert [get_status(public)["state"], get_status(confidential)["state"]] == [CONVERTED, CONVERTED]
    anonymous = request_factory(api=False)
    image = anonymous.get(f"{public.absolute_url()}/@@viewer-image/large/1")
    assert image.status_code == 200 and image.headers["Content-Type"] == "image/gif"
    refused = anonymous.get(f"{confidential.absolute_url()}/@@viewer-image/large/1", allow_redirects=False)
    assert refused.status_code in (302, 401, 403)
    official = request_factory(basic_auth=("elu", "secret-1234"), api=False)
    assert official.get(f"{confidential.absolute_url()}/@@viewer-image/large/1").status_code == 200
    assert official.get(f"{confidential.absolute_url()}/@@viewer-image/large/9").status_code == 404
