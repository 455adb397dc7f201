"""Install and uninstall steps that GenericSetup XML cannot express."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["collective.deliberations:uninstall"]

    def getNonInstallableProducts(self):
        return ["collective.deliberations.upgrades"]


def post_install(context):
    """What the default profile's XML cannot set."""
    from collective.deliberations.documents.setup import configure_documentviewer
    from plone import api

    configure_documentviewer(api.portal.get())
