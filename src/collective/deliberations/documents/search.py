"""@@recherche: full-text search of deliberations and documents under a folder (the site, a service, a body),
with filters and facets. Every query goes through the catalog's permission filter: nobody finds what they may
not see. The same indexes answer plone.restapi's @search (SearchableText, act_number, nature, matiere_levels,
deliberation_body, decision_date, review_state)."""

from collective.deliberations import _
from collective.deliberations.documents.facets import Facets
from collective.deliberations.documents.facets import found_rids
from collective.deliberations.validation import batch_start
from collective.deliberations.validation import form_text
from collective.deliberations.vocabularies.choices import NATURES
from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate


MATIERES = {
    "1": _("matiere_1", default="1 Public procurement"),
    "2": _("matiere_2", default="2 Town planning"),
    "3": _("matiere_3", default="3 Public property and estate"),
    "4": _("matiere_4", default="4 Civil service"),
    "5": _("matiere_5", default="5 Institutions and political life"),
    "6": _("matiere_6", default="6 Public liberties and police powers"),
    "7": _("matiere_7", default="7 Local finances"),
    "8": _("matiere_8", default="8 Fields of competence by theme"),
    "9": _("matiere_9", default="9 Other fields of competence"),
}
OUTCOMES = {
    "adopted": (_("outcome_adopted", default="Adopted"), ["adopted", "published"]),
    "rejected": (_("outcome_rejected", default="Rejected"), ["rejected"]),
    "withdrawn": (_("outcome_withdrawn", default="Withdrawn"), ["withdrawn"]),
}
FILTERS = ("q", "numero", "objet", "du", "au", "organe", "nature", "matiere", "issue")
PAGE = 20
FACETS = ("nature", "matiere", "organe", "issue")
FACET_INDEXES = {
    "nature": "nature",
    "matiere": "matiere_levels",
    "organe": "deliberation_body",
    "issue": "review_state",
}


def day(value, end=False):
    try:
        return DateTime(f"{value} {'23:59:59' if end else '00:00:00'}")
    except Exception:
        return None


class SearchView(BrowserView):
    def params(self):
        return {name: form_text(self.request.form, name) for name in FILTERS}

    def query(self, params, without=()):
        """The catalog query of the form, less the filters of the facets named in ``without``."""
        query = {"path": "/".join(self.context.getPhysicalPath()), "portal_type": ["Deliberation", "File"]}
        if params["q"]:
            query["SearchableText"] = params["q"]
        if params["objet"]:
            query["Title"] = params["objet"]
        acts = {
            "numero": ("act_number", params["numero"]),
            "organe": ("deliberation_body", params["organe"]),
            "nature": ("nature", params["nature"]),
            "matiere": ("matiere_levels", params["matiere"]),
        }
        for name, (index, value) in acts.items():
            if value and name not in without:
                query[index] = value
        if params["issue"] in OUTCOMES and "issue" not in without:
            query["review_state"] = OUTCOMES[params["issue"]][1]
        start, end = day(params["du"]) if params["du"] else None, day(params["au"], end=True) if params["au"] else None
        if start and end:
            query["decision_date"] = {"query": [start, end], "range": "min:max"}
        elif start or end:
            query["decision_date"] = {"query": start or end, "range": "min" if start else "max"}
        if set(query) - {"path", "portal_type", "SearchableText", "Title"}:
            query["portal_type"] = "Deliberation"  # a filter on acts: documents have no number, nature...
        if not params["q"]:
            query.update(sort_on="decision_date", sort_order="descending")
        return query

    def __call__(self):
        self.filters = self.params()
        self.searched = any(self.filters.values())
        catalog = api.portal.get_tool("portal_catalog")
        self.results = catalog.searchResults(**self.query(self.filters)) if self.searched else []
        self.start = batch_start(self.request.form)
        return self.index()

    def total(self):
        return len(self.results)

    def page(self):
        rows = []
        for brain in self.results[self.start : self.start + PAGE]:
            obj = brain.getObject()
            deliberation = obj if brain.portal_type == "Deliberation" else None
            parent = obj.aq_parent if deliberation is None else None
            rows.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "number": getattr(deliberation, "number", None),
                    "date": getattr(deliberation, "decision_date", None),
                    "state": translate(brain.review_state or "", domain="plone", context=self.request)
                    if deliberation is not None
                    else None,
                    "in_title": parent.Title() if parent is not None else None,
                    "in_url": parent.absolute_url() if parent is not None else None,
                    "document": deliberation is None,
                }
            )
        return rows

    def link(self, **changes):
        params = {k: v for k, v in {**self.filters, **changes}.items() if v}
        return f"{self.context.absolute_url()}/@@recherche?{urlencode(params)}"

    def facet_counts(self):
        """The counts of every facet, from one search of the deliberations found without any facet's filter: the
        record ids the person may see, intersected with each value's in the facet's index (see facets.py). Made
        once for the page, whichever page of the results it shows."""
        if "_facets" not in self.__dict__:
            base = self.query(self.filters, without=FACETS)
            base = {k: v for k, v in base.items() if k not in ("sort_on", "sort_order")}
            base["portal_type"] = "Deliberation"
            catalog = api.portal.get_tool("portal_catalog")
            chosen = {}
            for name in FACETS:
                value = self.filters[name]
                if name == "issue":
                    value = OUTCOMES[value][1] if value in OUTCOMES else ""
                if value:
                    chosen[name] = (FACET_INDEXES[name], value)
            self._facets = Facets(catalog, found_rids(catalog, base), chosen)
        return self._facets

    def facet_values(self, name, choices):
        """{choice: count} of the deliberations found with the other facets' filters but not this facet's own."""
        values = {value: OUTCOMES[value][1] if name == "issue" else value for value, _label in choices}
        return self.facet_counts().counts(name, FACET_INDEXES[name], values)

    def facet(self, name, choices):
        found = self.facet_values(name, choices)
        values = []
        for value, label in choices:
            count = found[value]
            if count or self.filters[name] == value:
                active = self.filters[name] == value
                values.append(
                    {
                        "label": translate(label, context=self.request),
                        "count": count,
                        "active": active,
                        "url": self.link(**{name: "" if active else value, "b_start": ""}),
                    }
                )
        return values

    def facets(self):
        if not self.searched:
            return []
        bodies = api.content.find(portal_type="Assembly", sort_on="sortable_title")
        groups = [
            ("nature", _("Nature"), [(t.value, t.title) for t in NATURES]),
            ("matiere", _("Matière"), list(MATIERES.items())),
            ("organe", _("Body"), [(b.UID, b.Title) for b in bodies]),
            ("issue", _("Outcome"), [(key, label) for key, (label, _states) in OUTCOMES.items()]),
        ]
        found = []
        for name, title, choices in groups:
            values = self.facet(name, choices)
            if values:
                found.append({"name": name, "title": translate(title, context=self.request), "entries": values})
        return found

    def batch(self):
        total = self.total()
        return {
            "previous": self.link(b_start=str(self.start - PAGE)) if self.start > 0 else None,
            "next": self.link(b_start=str(self.start + PAGE)) if self.start + PAGE < total else None,
            "first": self.start + 1 if total else 0,
            "last": min(self.start + PAGE, total),
        }

    def choices(self):
        bodies = api.content.find(portal_type="Assembly", sort_on="sortable_title")
        return {
            "natures": [(t.value, translate(t.title, context=self.request)) for t in NATURES],
            "matieres": [(k, translate(v, context=self.request)) for k, v in MATIERES.items()],
            "bodies": [(b.UID, b.Title) for b in bodies],
            "outcomes": [(k, translate(v[0], context=self.request)) for k, v in OUTCOMES.items()],
        }
