"""Fixed lists of the domain: each value a stable code, each title translated."""

from collective.deliberations import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def vocabulary(*pairs):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


BODY_KINDS = vocabulary(
    ("conseil_communautaire", _("Community council (conseil communautaire)")),
    ("conseil_municipal", _("Municipal council (conseil municipal)")),
    ("bureau", _("Bureau")),
)

MEMBER_ROLES = vocabulary(
    ("president", _("President")),
    ("vice_president", _("Vice-president")),
    ("membre", _("Member")),
    ("suppleant", _("Substitute")),
    ("invite", _("Guest")),
)

SESSION_KINDS = vocabulary(
    ("ordinaire", _("Ordinary")),
    ("extraordinaire", _("Extraordinary")),
    ("urgence", _("Urgent")),
)

# @ctes nature codes (DOMAIN.md)
NATURES = vocabulary(
    ("1", _("1 Deliberations")),
    ("2", _("2 Regulatory acts")),
    ("3", _("3 Individual decisions")),
    ("4", _("4 Contracts, agreements and amendments")),
    ("5", _("5 Budget and financial documents")),
    ("6", _("6 Other acts")),
)
INDIVIDUAL_DECISION = "3"

AGENDA_ITEM_KINDS = vocabulary(
    ("deliberation", _("Deliberation")),
    ("information", _("Information without vote")),
    ("questions", _("Any other business")),
)

DOCUMENT_TYPES = vocabulary(
    ("annexe", _("Annex")),
    ("acte", _("Signed act (main document sent to the préfecture)")),
    ("note_synthese", _("Summary note (note explicative de synthèse)")),
    ("rapport", _("Report")),
    ("convocation", _("Convocation")),
    ("proces_verbal", _("Minutes (procès-verbal)")),
    ("liste_deliberations", _("List of deliberations")),
    ("autre", _("Other")),
)


@provider(IVocabularyFactory)
def body_kinds(context):
    return BODY_KINDS


@provider(IVocabularyFactory)
def member_roles(context):
    return MEMBER_ROLES


@provider(IVocabularyFactory)
def session_kinds(context):
    return SESSION_KINDS


@provider(IVocabularyFactory)
def natures(context):
    return NATURES


@provider(IVocabularyFactory)
def agenda_item_kinds(context):
    return AGENDA_ITEM_KINDS


@provider(IVocabularyFactory)
def document_types(context):
    return DOCUMENT_TYPES
