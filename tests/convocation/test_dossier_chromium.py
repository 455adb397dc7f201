"""The dossier through the personal link, in headless Chromium on a 10-inch tablet upright and on a phone: nothing
wider than the screen, the contents and the answer reachable with a finger, the answer recorded. Screenshots are
kept in tests/artefacts/dossier-tablet.png and dossier-phone.png."""

from .conftest import convene
from .conftest import personal_link
from collective.deliberations.convocation.storage import get_convocation
from documents.chromium import ARTEFACTS
from documents.chromium import axe
from documents.chromium import chromium
from plone import api
from plone.namedfile.file import NamedBlobFile

import pytest
import time
import transaction


# at once: Bootstrap's smooth scrolling would still be moving the page when the finger (the click) lands
SCROLL_TO = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})"


def reading_recorded(session, userid, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        transaction.begin()
        if get_convocation(session).get(userid).first_opened_by == "link":
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("name,size", [("tablet", (768, 1024)), ("phone", (390, 844))])
def test_dossier_on_a_tablet_and_a_phone(site, inbox, name, size):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    with api.env.adopt_user(username="secretaire"):
        api.content.create(site.deliberation, "File", title="Annexe : plan de financement pluriannuel 2026-2030",
                           file=NamedBlobFile(b"%PDF-1.4 annexe", filename="annexe.pdf"))  # fmt: skip
    transaction.commit()
    convene(site.session)
    link = personal_link(inbox.to("elu@example.org")[0])
    driver = chromium(size)
    try:
        driver.get(link)
        assert reading_recorded(site.session, "elu")  # by the page's script, the page being displayed
        assert [v for v in axe(driver) if v["impact"] in ("serious", "critical")] == []  # with "Mon lien personnel"
        width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"wider than the screen: {width}"
        toc = driver.find_elements(By.CSS_SELECTOR, "#session-dossier nav .list-group-item")
        assert [e.text for e in toc][:2] == ["Ma présence", "Documents de la séance"]
        assert all(e.size["height"] >= 44 for e in toc)  # a finger's target
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(ARTEFACTS / f"dossier-{name}.png"))
        for selector in ("input[name=answer][value=present]", "#presence button[type=submit]"):
            for _attempt in range(3):  # Bootstrap scrolls smoothly: find the element again if it was replaced
                try:
                    element = driver.find_element(By.CSS_SELECTOR, selector)
                    driver.execute_script(SCROLL_TO, element)
                    element.click()
                    break
                except StaleElementReferenceException:
                    continue
        # the answer reloads the page: wait for the new one before reading it
        WebDriverWait(driver, 30).until(expected_conditions.staleness_of(element))
        assert driver.find_element(By.CSS_SELECTOR, "#presence button[type=submit]").size["height"] >= 44
        assert "Présent" in driver.find_element(By.ID, "current-answer").text
    finally:
        driver.quit()
    transaction.begin()
    assert get_convocation(site.session).get("elu").answer()["answer"] == "present"
