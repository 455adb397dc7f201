"""Vocabularies read from the catalog, with the permissions of the user who asks."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _brains_vocabulary(brains):
    return SimpleVocabulary([SimpleTerm(b.UID, b.UID, b.Title) for b in brains])


@provider(IVocabularyFactory)
def commissions(context):
    return _brains_vocabulary(api.content.find(portal_type="Commission", sort_on="sortable_title"))


@provider(IVocabularyFactory)
def schedulable_deliberations(context):
    """Deliberations that can go on an agenda: validated ones, and the one already chosen."""
    brains = api.content.find(portal_type="Deliberation", review_state=["validated", "scheduled"], sort_on="created")
    return _brains_vocabulary(brains)
