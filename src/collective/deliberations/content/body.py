"""Deciding and preparatory bodies: an Assembly (conseil, bureau) and its Commissions."""

from collective.deliberations import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Interface


class IBody(Interface):
    """A body that holds sessions and members: an Assembly or a Commission."""


class IAssembly(model.Schema):
    body_kind = schema.Choice(
        title=_("Kind of body"),
        vocabulary="collective.deliberations.BodyKinds",
        default="conseil_communautaire",
    )


class ICommission(model.Schema):
    """A commission of an assembly: no field of its own yet beyond title and description."""


@implementer(IAssembly, IBody)
class Assembly(Container):
    pass


@implementer(ICommission, IBody)
class Commission(Container):
    # The assembly's members hold the Official role on the assembly: it must not reach inside a commission,
    # whose members have their own group.
    __ac_local_roles_block__ = True
