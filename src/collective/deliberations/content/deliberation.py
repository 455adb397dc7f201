"""A projet de délibération, then a délibération once voted. It lives in its service: its URL never changes."""

from collective.deliberations import _
from collective.deliberations.validation import FieldError
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer

import re


MATIERE = re.compile(r"^[1-9](\.[0-9]{1,2}){0,4}$")


def valid_matiere(value):
    if not MATIERE.match(value or ""):
        raise FieldError(_("error_matiere", default="A matière is a classification code such as 7 or 7.1 (5 levels)."))
    return True


class IDeliberation(model.Schema):
    title = schema.TextLine(
        title=_("Objet"),
        description=_("One line, at most 499 characters (the @ctes limit)."),
        required=True,
        max_length=499,
    )
    expose = RichText(title=_("Exposé des motifs"), required=False)
    dispositif = RichText(
        title=_("Dispositif"),
        description=_("The council, having deliberated, decides: ..."),
        required=False,
    )
    rapporteur = schema.Choice(title=_("Rapporteur"), vocabulary="plone.app.vocabularies.Users", required=False)
    nature = schema.Choice(title=_("Nature"), vocabulary="collective.deliberations.Natures", default="1")
    matiere = schema.TextLine(
        title=_("Matière"), description=_("Classification code, for example 7.1."), constraint=valid_matiere
    )
    directives.widget("consulted_commissions", CheckBoxFieldWidget)  # z3c.form's ordered select writes inline JS
    consulted_commissions = schema.List(
        title=_("Commissions consulted"),
        value_type=schema.Choice(vocabulary="collective.deliberations.Commissions"),
        required=False,
        default=[],
    )
    huis_clos = schema.Bool(title=_("Huis clos"), default=False, required=False)
    model.fieldset("workflow", label=_("Séance"), fields=["number", "session_uid", "decision_date"])
    number = schema.TextLine(title=_("Number"), required=False, readonly=True)
    session_uid = schema.TextLine(title=_("Session"), required=False, readonly=True)
    decision_date = schema.Date(title=_("Date of decision"), required=False, readonly=True)


@implementer(IDeliberation)
class Deliberation(Container):
    number = None
    session_uid = None
    decision_date = None
    nature = "1"
    huis_clos = False

    def service(self):
        from Acquisition import aq_inner
        from Acquisition import aq_parent

        return aq_parent(aq_inner(self))
