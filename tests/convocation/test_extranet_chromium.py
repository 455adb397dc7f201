"""The logged-in extranet in headless Chromium on a 10-inch tablet upright and on a phone: "Mes séances" across the
official's bodies, then the dossier page with its PDF, its zip and the presence answer; nothing wider than the
screen, targets a finger can hit. Screenshots: tests/artefacts/mes-seances-*.png and dossier-connecte-*.png."""

from .conftest import convene
from .conftest import PASSWORD
from .test_dossier_chromium import SCROLL_TO
from collective.deliberations.convocation.storage import get_convocation
from documents.chromium import ARTEFACTS
from documents.chromium import chromium
from plone import api

import pytest
import transaction


def log_in(driver, portal_url, user_id):
    """Through Plone's login form, as the official would."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{portal_url}/login_form")
    driver.find_element(By.NAME, "__ac_name").send_keys(user_id)
    driver.find_element(By.NAME, "__ac_password").send_keys(PASSWORD)
    button = driver.find_element(By.CSS_SELECTOR, "#login-form [type=submit]")
    button.click()  # the form's button: z3c.form acts on the button's name
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(button))


def fits(driver):
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"wider than the screen: {width}"


@pytest.mark.parametrize("name,size", [("tablet", (768, 1024)), ("phone", (390, 844))])
def test_my_sessions_and_the_dossier_logged_in(site, inbox, name, size):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    meeting = api.content.create(
        site.commission, "Session", id="reunion", title="Commission des finances", start=site.session.start
    )
    site.information(meeting)
    transaction.commit()
    convene(site.session)
    convene(meeting)
    driver = chromium(size)
    try:
        log_in(driver, api.portal.get().absolute_url(), "elu")
        driver.get(f"{api.portal.get().absolute_url()}/@@mes-seances")
        fits(driver)
        rows = driver.find_elements(By.CSS_SELECTOR, "#sessions-upcoming .list-group-item")
        assert {row.find_element(By.TAG_NAME, "strong").text for row in rows} == {"Séance", "Commission des finances"}
        assert all(row.size["height"] >= 44 for row in rows)
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(ARTEFACTS / f"mes-seances-{name}.png"))
        row = next(r for r in rows if r.find_element(By.TAG_NAME, "strong").text == "Séance")
        driver.execute_script(SCROLL_TO, row)
        row.click()
        WebDriverWait(driver, 30).until(expected_conditions.presence_of_element_located((By.ID, "session-dossier")))
        fits(driver)
        for button in ("dossier-pdf", "dossier-zip"):
            assert driver.find_element(By.ID, button).size["height"] >= 44
        assert driver.find_element(By.ID, "dossier-pdf").get_attribute("href").endswith("/seance/@@dossier.pdf")
        assert driver.save_screenshot(str(ARTEFACTS / f"dossier-connecte-{name}.png"))
        element = driver.find_element(By.CSS_SELECTOR, "input[name=answer][value=absent]")
        driver.execute_script(SCROLL_TO, element)
        element.click()
        submit = driver.find_element(By.CSS_SELECTOR, "#presence button[type=submit]")
        driver.execute_script(SCROLL_TO, submit)
        submit.click()
        WebDriverWait(driver, 30).until(expected_conditions.staleness_of(submit))
        assert "Absent" in driver.find_element(By.ID, "current-answer").text
    finally:
        driver.quit()
    transaction.begin()
    recipient = get_convocation(site.session).get("elu")
    assert recipient.first_opened_by == "login" and recipient.answer()["answer"] == "absent"
