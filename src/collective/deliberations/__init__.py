"""collective.deliberations: deliberations of French local governments on Plone 6."""

from zope.i18nmessageid import MessageFactory

# Applied on import of this package, before collective.documentviewer loads.
from collective.deliberations import compat  # noqa: F401


PACKAGE_NAME = "collective.deliberations"

_ = MessageFactory(PACKAGE_NAME)
