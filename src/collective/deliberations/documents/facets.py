"""The facet counts of @@recherche from one search of the catalog: the record ids the person may see, intersected
with each value's record ids in the facet's index. No brain is made, no object woken, no second full-text search."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from DateTime import DateTime
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.CatalogTool import _getAuthenticatedUser


def found_rids(catalog, query):
    """The record ids ``catalog.searchResults(**query)`` finds, as an IISet, with the same security: the person's
    ``allowedRolesAndUsers`` and, unless they may see inactive content, the ``effectiveRange``."""
    processQueue()
    query = dict(query, allowedRolesAndUsers=catalog._listAllowedRolesAndUsers(_getAuthenticatedUser(catalog)))
    if not catalog.allow_inactive(query):
        query["effectiveRange"] = DateTime()
    core = catalog._catalog
    query = core.make_query(query)
    plan = core.getCatalogPlan(query)
    plan.start()
    found = None
    for index_id in plan.plan() or core._sorted_search_indexes(query):
        if index_id in core.indexes:
            found = core._search_index(plan, index_id, query, found)
            if not found:
                break
    plan.stop()
    if not found:
        return IISet()
    return IISet(found.keys()) if hasattr(found, "keys") else IISet(found)


def value_rids(index, value):
    """The record ids the index holds for a value, or for any of a list of values."""
    values = value if isinstance(value, (list, tuple)) else [value]
    sets = []
    for one in values:
        found = index._index.get(one)
        if found is not None:
            sets.append(IISet([found]) if isinstance(found, int) else found)
    return multiunion(sets) if sets else IISet()


class Facets:
    """Counts for every facet over ``base`` (the record ids found without any facet's filter), each facet restricted
    by the filters chosen in the others (a facet does not narrow its own counts)."""

    def __init__(self, catalog, base, chosen):
        """``chosen``: {facet: (index name, value or values)} of the filters the person chose."""
        self.core = catalog._catalog
        self.base = base
        self.chosen = {name: value_rids(self.core.getIndex(index), value) for name, (index, value) in chosen.items()}

    def counts(self, name, index_name, values):
        """{key: count} of the facet ``name`` for ``values``: {key: the value, or values, of its index}."""
        found = self.base
        for other, rids in self.chosen.items():
            if other != name:
                found = intersection(found, rids)
        index = self.core.getIndex(index_name)
        return {key: len(intersection(found, value_rids(index, value))) for key, value in values.items()}
