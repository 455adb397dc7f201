"""Catalog indexes of the domain (catalog.xml declares them)."""

from collective.deliberations.content.agenda_item import IAgendaItem
from collective.deliberations.content.deliberation import IDeliberation
from plone.indexer import indexer


@indexer(IAgendaItem)
def agenda_deliberation(item):
    return item.deliberation


@indexer(IDeliberation)
def session_uid(deliberation):
    return deliberation.session_uid


@indexer(IDeliberation)
def nature(deliberation):
    return deliberation.nature


@indexer(IDeliberation)
def matiere(deliberation):
    return deliberation.matiere


@indexer(IDeliberation)
def act_number(deliberation):
    return deliberation.number
