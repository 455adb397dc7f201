"""The demo's profile is applied by deliberations-site (make run), never from the add-ons control panel."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["collective.deliberations_demo:default"]

    def getNonInstallableProducts(self):
        return []
