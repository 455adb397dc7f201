"""A séance of a body, with its ordered agenda (AgendaItem children) and its documents (File children)."""

from collective.deliberations import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class ISession(model.Schema):
    start = schema.Datetime(title=_("Date and time"), required=True)
    place = schema.TextLine(title=_("Place"), required=False)
    session_kind = schema.Choice(
        title=_("Kind of session"),
        vocabulary="collective.deliberations.SessionKinds",
        default="ordinaire",
    )
    public = schema.Bool(
        title=_("Public session"),
        description=_("Unticked: huis clos; its agenda is then never public."),
        default=True,
        required=False,
    )
    president = schema.Choice(title=_("President"), vocabulary="plone.app.vocabularies.Users", required=False)
    secretary = schema.Choice(
        title=_("Secrétaire de séance"), vocabulary="plone.app.vocabularies.Users", required=False
    )


@implementer(ISession)
class Session(Container):
    public = True

    def agenda(self):
        """The agenda items, in their order."""
        return [item for item in self.objectValues() if item.portal_type == "AgendaItem"]
