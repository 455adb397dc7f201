"""Install and uninstall steps that GenericSetup XML cannot express."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["collective.deliberations:uninstall", "collective.deliberations:demo"]

    def getNonInstallableProducts(self):
        return ["collective.deliberations.upgrades"]


def post_install(context):
    """Nothing yet: every setting of the default profile is declarative."""
