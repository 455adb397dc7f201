"""Attendance on the pages: an official's séances and public votes on their membership page, the body's attendance
rates as a bar chart that says each rate in text (what a tablet user and a screen reader get)."""

from .test_attendance_history import voted_once
from .test_page import page
from .test_page import words


def test_an_officials_page_and_the_bodys_chart(held, html_browser):
    voted_once(held)
    official = html_browser("elu2")
    petit = page(official.get("conseil/petit"))
    section = words(petit.xpath('//section[@id="attendance"]')[0])
    assert "Présent à 0 séances sur 1 (0 %)" in section
    assert "Représenté" in section and "Budget primitif : Contre" in section
    assert "Tarifs piscine" not in section  # a secret ballot names nobody
    girard = words(page(official.get("conseil/girard")).xpath('//section[@id="attendance"]')[0])
    assert "Présent à 1 séances sur 1 (100 %)" in girard and "Budget primitif : Pour" in girard
    chart = page(official.get("conseil")).xpath('//section[@id="attendance-chart"]')[0]
    bars = {
        words(row.xpath("th")[0]): row.xpath('.//div[@role="progressbar"]')[0] for row in chart.xpath(".//tbody/tr")
    }
    assert len(bars) == 7
    assert bars["Paul Girard"].get("aria-valuenow") == "100" and words(bars["Paul Girard"]) == "100 %"
    assert bars["Léa Petit"].get("aria-valuenow") == "0" and words(bars["Élue du conseil"]) == "0 %"


def test_no_chart_before_any_seance(held, html_browser):
    official = html_browser("elu2")
    assert not page(official.get("conseil")).xpath('//section[@id="attendance-chart"]')
    section = words(page(official.get("conseil/petit")).xpath('//section[@id="attendance"]')[0])
    assert "Aucune séance tenue pour l'instant." in section
