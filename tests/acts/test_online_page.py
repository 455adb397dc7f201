"""R2131-1: the reader sees the date of putting online where the act is. The published deliberation's own page
shows it to an anonymous visitor, as the portal's act page does; an act not published has none to show."""

from collective.deliberations.acts.online import online_date
from documents.test_portal import published  # noqa: F401  (fixture)
from lxml import html

import pytest


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.text)


@pytest.mark.parametrize("path", ["", "/view"], ids=["default", "view"])
def test_anonymous_sees_the_date_put_online_on_the_act_page(published, html_browser, path):  # noqa: F811
    world, act, adopted, individual, planned = published
    tree = page(html_browser(), f"{act.absolute_url()}{path}")
    shown = tree.xpath('//*[@id="deliberation-online-date"]')
    assert len(shown) == 1
    assert " ".join(shown[0].text_content().split()) == f"Date de mise en ligne : {online_date(act):%d/%m/%Y}"
    assert shown[0].xpath(".//time/@datetime") == [online_date(act).ISO8601()]


def test_an_act_not_published_shows_no_date_put_online(published, html_browser):  # noqa: F811
    world, act, adopted, individual, planned = published
    tree = page(html_browser("secretaire"), adopted.absolute_url())
    assert tree.xpath('//p[@class="deliberation-status"]') and not tree.xpath('//*[@id="deliberation-online-date"]')
