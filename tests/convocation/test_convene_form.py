"""@@convene: the workflow menu leads there; what is missing is listed; a refusal keeps what was typed."""

from .conftest import authenticator
from collective.deliberations.convocation.storage import get_convocation
from datetime import datetime
from datetime import timedelta
from lxml import html
from plone import api

import transaction


def test_the_menu_leads_to_the_form_that_lists_what_is_missing_then_convenes(site, inbox, browser):
    site.session.start = datetime.now() + timedelta(days=2)
    transaction.commit()
    secretariat = browser("secretaire")
    page = secretariat.get(site.session.absolute_url())
    links = html.fromstring(page.text).xpath("//a/@href")
    assert [link for link in links if link.startswith(f"{site.session.absolute_url()}/@@convene")]
    form = secretariat.get(f"{site.session.absolute_url()}/@@convene")
    checks = " ".join(html.fromstring(form.text).xpath('//*[@id="convene-checks"]')[0].text_content().split())
    assert "La convocation doit partir 3 jours francs avant la séance" in checks
    refused = secretariat.post(
        f"{site.session.absolute_url()}/@@convene",
        data={"convene": "1", "comment": "Envoi du lundi", "_authenticator": authenticator(form.text)},
    )
    assert refused.status_code == 400
    tree = html.fromstring(refused.text)
    assert "jours francs" in tree.xpath('//*[@id="convene-error"]')[0].text_content()
    assert tree.xpath('//textarea[@name="comment"]')[0].text == "Envoi du lundi"
    assert not tree.xpath('//textarea[@name="override_reason"]')  # only a Manager may override
    assert inbox.messages == []
    transaction.begin()
    site.session.start = datetime.now() + timedelta(days=10)
    transaction.commit()
    done = secretariat.post(
        f"{site.session.absolute_url()}/@@convene",
        data={"convene": "1", "comment": "", "_authenticator": authenticator(form.text)},
    )
    assert done.url == f"{site.session.absolute_url()}/@@convocation-suivi"
    assert "Séance convoquée : les messages partent maintenant." in done.text
    transaction.begin()
    assert api.content.get_state(site.session) == "convened"
    assert len(get_convocation(site.session).recipients) == 2 and len(inbox.messages) == 2
