"""A service of the local government (Finances, Urbanisme...): its agents, its validators, its drafts."""

from collective.deliberations import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IService(model.Schema):
    agents = schema.List(
        title=_("Agents"),
        description=_("They write the drafts of this service and see them all."),
        value_type=schema.Choice(vocabulary="plone.app.vocabularies.Users"),
        required=False,
        default=[],
    )
    validators = schema.List(
        title=_("Validators"),
        description=_("They validate, or send back, the drafts this service proposes."),
        value_type=schema.Choice(vocabulary="plone.app.vocabularies.Users"),
        required=False,
        default=[],
    )


@implementer(IService)
class Service(Container):
    agents = ()
    validators = ()
