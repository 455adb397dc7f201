"""collective.deliberations: deliberations of French local governments on Plone 6."""

# Applied on import of this package, before collective.documentviewer loads.
from collective.deliberations import compat  # noqa: F401
from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "collective.deliberations"

_ = MessageFactory(PACKAGE_NAME)
