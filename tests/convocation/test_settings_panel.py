"""The "Convocations" control panel: the validity of the personal links and the site's address in the mails, set
by an administrator as a person (HTML form) and as a program (@controlpanels/convocations)."""

from plone import api

import re
import transaction


PANEL = "@@convocation-controlpanel"


def test_an_administrator_sets_the_links_validity_and_the_public_address(request_factory, functional_portal):
    browser = request_factory(role="Manager", api=False)
    html = browser.get(PANEL).text
    assert "Validité des liens personnels (jours après la séance)" in html
    assert "Adresse publique du site dans les courriels" in html
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    fields.update(
        {
            "form.widgets.link_validity_days": "10",
            "form.widgets.public_url": "https://deliberations.example.org",
            "form.buttons.save": "Enregistrer",
        }
    )
    assert "Modifications sauvegardées" in browser.post(PANEL, data=fields).text
    transaction.begin()
    assert api.portal.get_registry_record("collective.deliberations.convocation.link_validity_days") == 10
    assert (
        api.portal.get_registry_record("collective.deliberations.convocation.public_url")
        == "https://deliberations.example.org"
    )
    rest = request_factory(role="Manager").get("@controlpanels/convocations").json()
    assert rest["data"]["link_validity_days"] == 10
    assert "convocations" in [action.id for action in api.portal.get_tool("portal_controlpanel").listActions()]


def test_only_an_administrator_opens_it(request_factory):
    response = request_factory(role="Anonymous", api=False).get(PANEL, allow_redirects=False)
    assert response.status_code in (302, 401, 403)
