"""The convocation's settings in the registry (also through @registry in the REST API)."""

from collective.deliberations import _
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface


PREFIX = "collective.deliberations.convocation"


class IConvocationSettings(Interface):
    link_validity_days = schema.Int(
        title=_("label_link_validity_days", default="Validity of the personal links (days after the session)"),
        min=0,
        default=30,
        required=True,
    )
    reminder_days = schema.Int(
        title=_("label_reminder_days", default="Reminder (days before the session)"),
        description=_("help_reminder_days", default="0: no reminder."),
        min=0,
        default=2,
        required=True,
    )
    public_url = schema.TextLine(
        title=_("label_public_url", default="Public address of the site in the mails"),
        description=_(
            "help_public_url",
            default="For example https://deliberations.example.org. Empty: the address the site was reached at when"
            " the session was convened.",
        ),
        default="",
        required=False,
    )
    tsa_url = schema.TextLine(
        title=_("label_tsa_url", default="Timestamping authority (RFC 3161) URL"),
        description=_("help_tsa_url", default="Empty: the manifests are dated by this server only."),
        default="",
        required=False,
    )


def setting(name):
    """A setting, or its default when the records are not (yet) in the registry."""
    registry = queryUtility(IRegistry)
    value = registry.get(f"{PREFIX}.{name}") if registry is not None else None
    return IConvocationSettings[name].default if value is None else value
