"""The limits of the background conversion, in the registry (Configuration du site > Registre de configuration,
prefix collective.deliberations.conversion): a document beyond them is not converted and says why; it stays
stored and downloadable. A site installed before these records existed gets the defaults."""

from collective.deliberations import _
from dataclasses import dataclass
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface


PREFIX = "collective.deliberations.conversion"


class IConversionSettings(Interface):
    max_pages = schema.Int(
        title=_("label_conversion_max_pages", default="Most pages of a converted document"),
        default=2000,
        min=1,
    )
    max_expanded_mb = schema.Int(
        title=_("label_conversion_max_expanded_mb", default="Most uncompressed size of an office file (MB)"),
        description=_(
            "help_conversion_max_expanded_mb",
            default="A docx, xlsx, pptx, odt, ods or odp file is a zip: what it holds once unpacked is checked"
            " before LibreOffice opens it.",
        ),
        default=200,
        min=1,
    )
    max_seconds = schema.Int(
        title=_("label_conversion_max_seconds", default="Most time for the conversion of one document (seconds)"),
        default=600,
        min=1,
    )
    max_attempts = schema.Int(
        title=_("label_conversion_max_attempts", default="Attempts before a conversion is reported failed"),
        description=_(
            "help_conversion_max_attempts",
            default="A conversion cut short by a stop of the server or a passing error is tried again, at most"
            " this many times in all. A document over the time limit is not tried again.",
        ),
        default=3,
        min=1,
    )
    quick_pages = schema.Int(
        title=_("label_conversion_quick_pages", default="Most pages of a document converted in the quick lane"),
        description=_(
            "help_conversion_quick_pages",
            default="Small documents are converted first, in a lane of their own: a long document never delays them.",
        ),
        default=50,
        min=1,
    )
    quick_mb = schema.Int(
        title=_("label_conversion_quick_mb", default="Most size of a file converted in the quick lane (MB)"),
        default=10,
        min=1,
    )


@dataclass(frozen=True)
class Limits:
    max_pages: int = 2000
    max_expanded_mb: int = 200
    max_seconds: int = 600
    max_attempts: int = 3
    quick_pages: int = 50
    quick_mb: int = 10


def limits():
    """The limits in force: the registry's values, the defaults where a record is missing."""
    registry = queryUtility(IRegistry)
    defaults = Limits()
    if registry is None:
        return defaults
    values = {}
    for name in IConversionSettings.names():
        value = registry.get(f"{PREFIX}.{name}")
        values[name] = value if isinstance(value, int) and value > 0 else getattr(defaults, name)
    return Limits(**values)
