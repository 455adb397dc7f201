"""What the settings of the local government decide."""

from collective.deliberations.controlpanels.collectivite import ICollectiviteSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


PREFIX = "collective.deliberations.collectivite"
LARGE_COMMUNE = 3500


def get_settings():
    """The Collectivité settings of the current site (read and write)."""
    return getUtility(IRegistry).forInterface(ICollectiviteSettings, prefix=PREFIX)


def convocation_jours_francs(settings=None):
    """Jours francs between the sending of an ordinary convocation and the séance (CGCT L2121-11, L2121-12)."""
    settings = settings or get_settings()
    if settings.kind == "epci":
        large = settings.epci_with_large_commune
    else:
        large = (settings.population or 0) >= LARGE_COMMUNE
    return 5 if large else 3


def requires_summary_note(settings=None):
    """Whether a note explicative de synthèse goes with the convocation (communes of 3,500 and more)."""
    return convocation_jours_francs(settings) == 5
