"""The demo's test layer: the demo site's content and accounts (profile collective.deliberations_demo:default) on
top of the product's layer."""

from collective.deliberations.testing import FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE


class DemoLayer(PloneSandboxLayer):
    defaultBases = (FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import collective.deliberations_demo

        self.loadZCML(package=collective.deliberations_demo)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "collective.deliberations_demo:default")


DEMO_FIXTURE = DemoLayer()

DEMO_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(DEMO_FIXTURE, WSGI_SERVER_FIXTURE), name="Deliberations:DemoFunctional"
)
