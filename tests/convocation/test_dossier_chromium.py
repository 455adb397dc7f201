"""The dossier through the personal link, in headless Chromium on a 10-inch tablet upright and on a phone: nothing
wider than the screen, the contents and the answer reachable with a finger, the answer recorded. Screenshots are
kept in tests/artefacts/dossier-tablet.png and dossier-phone.png."""

from .conftest import convene
from .conftest import personal_link
from collective.deliberations.convocation.storage import get_convocation
from documents.chromium import ARTEFACTS
from documents.chromium import chromium
from plone import api
from plone.namedfile.file import NamedBlobFile

import pytest
import transaction


@pytest.mark.parametrize("name,size", [("tablet", (768, 1024)), ("phone", (390, 844))])
def test_dossier_on_a_tablet_and_a_phone(site, inbox, name, size):
    from selenium.webdriver.common.by import By

    with api.env.adopt_user(username="secretaire"):
        api.content.create(site.deliberation, "File", title="Annexe : plan de financement pluriannuel 2026-2030",
                           file=NamedBlobFile(b"%PDF-1.4 annexe", filename="annexe.pdf"))  # fmt: skip
    transaction.commit()
    convene(site.session)
    link = personal_link(inbox.to("elu@example.org")[0])
    driver = chromium(size)
    try:
        driver.get(link)
        width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"wider than the screen: {width}"
        toc = driver.find_elements(By.CSS_SELECTOR, "#session-dossier nav .list-group-item")
        assert [e.text for e in toc][:2] == ["Ma présence", "Documents de la séance"]
        assert all(e.size["height"] >= 44 for e in toc)  # a finger's target
        driver.save_screenshot(str(ARTEFACTS / f"dossier-{name}.png"))
        for selector in ("input[name=answer][value=present]", "#presence button[type=submit]"):
            element = driver.find_element(By.CSS_SELECTOR, selector)
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
            element.click()
        assert driver.find_element(By.CSS_SELECTOR, "#presence button[type=submit]").size["height"] >= 44
        assert "Présent" in driver.find_element(By.ID, "current-answer").text
    finally:
        driver.quit()
    transaction.begin()
    assert get_convocation(site.session).get("elu").answer()["answer"] == "present"
