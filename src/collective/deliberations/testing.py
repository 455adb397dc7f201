"""Test layers. PLONE_FIXTURE loads no add-on by itself: this layer loads our ZCML (which includes
plone.restapi and collective.documentviewer), installs our profile and restores a default workflow."""

from collective.deliberations import compat  # noqa: F401  (before any ZCML)
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE


class DeliberationsLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import collective.deliberations

        self.loadZCML(package=collective.deliberations)

    def setUpPloneSite(self, portal):
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")
        # French first, English second, as on the demo site
        portal.portal_registry["plone.available_languages"] = ["fr", "en"]
        portal.portal_registry["plone.default_language"] = "fr"
        applyProfile(portal, "collective.deliberations:default")


FIXTURE = DeliberationsLayer()


INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="Deliberations:Integration")
FUNCTIONAL_TESTING = FunctionalTesting(bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="Deliberations:Functional")
