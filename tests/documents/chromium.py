"""Headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, and axe-core from npm."""

from pathlib import Path

import json
import shutil


ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TABLET = (820, 1180)  # a 10.9-inch tablet held upright, in CSS pixels
ARTEFACTS = ROOT / "tests" / "artefacts"


def chromium(size=TABLET):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert binary and driver, "Debian's chromium and chromium-driver are missing: run make test, which installs them"
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # the console, for csp_violations
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={size[0]},{size[1]}"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    browser.set_page_load_timeout(60)
    browser.set_script_timeout(60)
    return browser


def csp_violations(browser):
    """What the Content-Security-Policy refused on the pages opened since the last call (the console's words)."""
    words = ("Content Security Policy", "EvalError")  # an eval refused is an uncaught error whose text is cut short
    return [entry["message"] for entry in browser.get_log("browser") if any(w in entry["message"] for w in words)]


def axe(browser, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
    """axe-core's violations on the page, as {id, impact, help, nodes: [selectors]}."""
    assert AXE.exists(), "axe-core is missing: run make test, which runs npm install"
    browser.execute_script(AXE.read_text())
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(JSON.stringify(r.violations)));",
        list(tags),
    )
    violations = []
    for violation in json.loads(result):
        nodes = [(node["target"], (node.get("any") or [{}])[0].get("data")) for node in violation["nodes"]]
        violations.append({key: violation[key] for key in ("id", "impact", "help")} | {"nodes": nodes[:8]})
    return violations
