"""The number of an adopted act: the collectivité's pattern and a yearly sequence, with no gap and no duplicate.

The counter of each year is a persistent object WITHOUT conflict resolution: two transactions that take a number at
the same time write the same object, the later commit raises ConflictError, and the publisher runs the request again
with the new value. The number is taken in the adoption's own transaction, so an aborted adoption takes none.
"""

from BTrees.OOBTree import OOBTree
from collective.deliberations.acts.rendering import session_of
from collective.deliberations.collectivite import get_settings
from collective.deliberations.controlpanels.collectivite import format_act_number
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

import datetime


KEY = "collective.deliberations.numbering"


class YearCounter(Persistent):
    """The last sequence number given in one year. Deliberately no _p_resolveConflict (see the module)."""

    def __init__(self):
        self.value = 0


def counters(portal=None):
    annotations = IAnnotations(portal or api.portal.get())
    if KEY not in annotations:
        annotations[KEY] = OOBTree()
    return annotations[KEY]


def take(counters_tree, year):
    """The next sequence number of `year` (the caller's transaction keeps it, or gives it back by aborting)."""
    counter = counters_tree.get(year)
    if counter is None:
        counter = counters_tree[year] = YearCounter()
    counter.value += 1
    return counter.value


def last_number(year, portal=None):
    counter = counters(portal).get(year)
    return counter.value if counter is not None else 0


def next_act_number(year):
    pattern = get_settings().numbering_pattern
    tree = counters()
    while True:
        number = format_act_number(pattern, year, take(tree, year))
        # a pattern changed during the year must not give a number already given
        if not api.content.find(act_number=number, unrestricted=True):
            return number


def decision_year(deliberation):
    session = session_of(deliberation)
    start = getattr(session, "start", None)
    return (start or datetime.datetime.now()).year


def number_adopted_act(deliberation, event):
    """On adoption, the act gets its number (once: a number is never given twice nor taken back)."""
    if event.transition is None or event.transition.id != "adopt" or deliberation.number:
        return
    deliberation.number = next_act_number(decision_year(deliberation))
    deliberation.reindexObject(idxs=["act_number"])
