"""The flags of a document (a Plone File) of a deliberation or a session; its workflow state follows them."""

from collective.deliberations import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IDocumentFlags(model.Schema):
    document_type = schema.Choice(
        title=_("Type of document"),
        vocabulary="collective.deliberations.DocumentTypes",
        default="annexe",
    )
    publishable = schema.Bool(
        title=_("Publishable"),
        description=_("Part of the dossier the officials read, and published with the act."),
        default=True,
        required=False,
    )
    confidential = schema.Bool(
        title=_("Confidential"),
        description=_("Read by the officials in the dossier, never published."),
        default=False,
        required=False,
    )


def document_state(flags):
    """The document_workflow state its flags call for."""
    if not flags.publishable:
        return "internal"
    return "confidential" if flags.confidential else "publishable"
