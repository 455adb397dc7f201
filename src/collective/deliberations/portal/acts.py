"""@@actes: the published acts for everyone, with filters and search; @@actes/<number> is an act's permanent page,
@@actes/<number>/acte.pdf its full text as frozen at publication (frozen.py); @@actes/atom.xml their Atom feed.
Only published acts (never nature 3: the workflow refuses to publish them) and only publishable documents (never
confidential or internal ones) are listed, whoever looks."""

from Acquisition import aq_inner
from collective.deliberations import _
from collective.deliberations.acts.frozen import published_act
from collective.deliberations.acts.online import online_date
from collective.deliberations.acts.rendering import ActPDFView
from collective.deliberations.acts.rendering import transmitted_on
from collective.deliberations.browser import utils
from collective.deliberations.collectivite import get_settings
from collective.deliberations.documents.search import day
from collective.deliberations.documents.search import MATIERES
from collective.deliberations.richtext import safe_output
from collective.deliberations.validation import batch_start
from collective.deliberations.validation import form_text
from collective.deliberations.vocabularies.choices import INDIVIDUAL_DECISION
from collective.deliberations.vocabularies.choices import NATURES
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


PAGE = 20
FILTERS = ("q", "numero", "du", "au", "nature", "matiere", "seance")


def published_acts(**criteria):
    query = {
        "portal_type": "Deliberation",
        "review_state": "published",
        "nature": {"not": INDIVIDUAL_DECISION},
        "sort_on": "online_date",
        "sort_order": "descending",
    }
    query.update(criteria)
    return api.portal.get_tool("portal_catalog").searchResults(**query)


def collectivite_name():
    try:
        return get_settings().name or api.portal.get().Title()
    except Exception:  # registry records not there (add-on being installed)
        return api.portal.get().Title()


@implementer(IPublishTraverse)
class ActsView(BrowserView):
    listing = ViewPageTemplateFile("templates/acts.pt")
    act_page = ViewPageTemplateFile("templates/act.pt")

    subpath = None
    file_name = None

    def publishTraverse(self, request, name):
        if self.subpath is None:
            self.subpath = name
        elif self.file_name is None and name == "acte.pdf" and self.subpath != "atom.xml":
            self.file_name = name
        else:
            raise NotFound(name)
        return self

    def __call__(self):
        if self.subpath is None:
            return self.render_listing()
        if self.subpath == "atom.xml":
            return self.atom()
        found = published_acts(act_number=self.subpath)
        if not found:
            raise NotFound(self.subpath)
        self.act = found[0].getObject()
        if self.file_name:
            return self.act_pdf()
        return self.act_page()

    def act_pdf(self):
        """The act's full text as frozen at publication; generated now only if it could not be frozen then."""
        from plone.namedfile.utils import set_headers
        from plone.namedfile.utils import stream_data

        stored = published_act(self.act)
        if stored is None:
            return ActPDFView(self.act, self.request)()
        set_headers(stored["file"], self.request.response, filename=stored["file"].filename)
        self.request.response.setHeader("Content-Disposition", f'inline; filename="{stored["file"].filename}"')
        self.request.response.setHeader("X-Content-SHA256", stored["sha256"])
        return stream_data(stored["file"])

    # ------------------------------------------------------------ listing

    def base_url(self):
        return f"{api.portal.get().absolute_url()}/@@actes"

    def render_listing(self):
        form = self.request.form
        self.filters = {name: form_text(form, name) for name in FILTERS}
        criteria = {}
        if self.filters["q"]:
            criteria["SearchableText"] = self.filters["q"]
        if self.filters["numero"]:
            criteria["act_number"] = self.filters["numero"]
        if self.filters["nature"]:
            criteria["nature"] = self.filters["nature"]
        if self.filters["matiere"]:
            criteria["matiere_levels"] = self.filters["matiere"]
        if self.filters["seance"]:  # the acts of one séance (linked from @@seances-publiques)
            criteria["session_uid"] = self.filters["seance"]
        start = day(self.filters["du"]) if self.filters["du"] else None
        end = day(self.filters["au"], end=True) if self.filters["au"] else None
        if start or end:
            bounds = [value for value in (start, end) if value]
            criteria["decision_date"] = {
                "query": bounds if len(bounds) == 2 else bounds[0],
                "range": "min:max" if len(bounds) == 2 else ("min" if start else "max"),
            }
        self.results = published_acts(**criteria)
        self.start = batch_start(form)
        return self.listing()

    def rows(self):
        return [self.row(brain.getObject()) for brain in self.results[self.start : self.start + PAGE]]

    def row(self, act):
        return {
            "title": act.Title(),
            "number": act.number,
            "url": self.permanent_url(act),
            "decided": utils.localized(act.decision_date, long_format=False),
            "online": utils.localized(online_date(act), long_format=False),
            "nature": utils.term_title("collective.deliberations.Natures", act.nature, act, self.request),
        }

    def permanent_url(self, act):
        return f"{self.base_url()}/{act.number}" if act.number else act.absolute_url()

    def choices(self):
        return {
            "natures": [(t.value, translate(t.title, context=self.request)) for t in NATURES if t.value != "3"],
            "matieres": [(k, translate(v, context=self.request)) for k, v in MATIERES.items()],
        }

    def batch(self):
        total = len(self.results)
        params = {k: v for k, v in self.filters.items() if v}

        def link(start):
            return f"{self.base_url()}?{urlencode({**params, 'b_start': start})}"

        return {
            "total": total,
            "previous": link(self.start - PAGE) if self.start > 0 else None,
            "next": link(self.start + PAGE) if self.start + PAGE < total else None,
        }

    def collectivite(self):
        return collectivite_name()

    # ------------------------------------------------------------ one act

    def act_info(self):
        act = aq_inner(self.act)
        session = None
        if act.session_uid:
            found = api.content.find(UID=act.session_uid, unrestricted=True)
            session = found[0]._unrestrictedGetObject() if found else None
        body = session.aq_parent.Title() if session is not None else ""
        president = utils.fullname(getattr(session, "president", None)) if session is not None else ""
        return {
            "title": act.Title(),
            "number": act.number,
            "permanent_url": self.permanent_url(act),
            "decided": utils.localized(act.decision_date, long_format=False),
            "online": utils.localized(online_date(act), long_format=True),
            "body": body,
            "session_date": utils.localized(getattr(session, "start", None), long_format=False) if session else "",
            "author": president,
            "author_function": translate(
                _("portal_author_function", default="President of the session — ${body}", mapping={"body": body}),
                context=self.request,
            )
            if president
            else "",
            "nature": utils.term_title("collective.deliberations.Natures", act.nature, act, self.request),
            "expose": self.text(act, "expose"),
            "dispositif": self.text(act, "dispositif"),
            "pdf_url": f"{self.permanent_url(act)}/acte.pdf" if act.number else None,
            "pdf": published_act(act),
            "transmitted": utils.localized(transmitted_on(act), long_format=False) if transmitted_on(act) else None,
        }

    def text(self, act, name):
        return safe_output(getattr(act, name, None), act)

    def act_documents(self):
        """Publishable documents only: a confidential or internal one never appears here, even for an official."""
        brains = api.content.find(
            context=self.act, depth=1, portal_type="File", review_state="publishable", sort_on="getObjPositionInParent"
        )
        return [
            {"title": b.Title or b.getId, "download": f"{b.getURL()}/@@download/file", "size": b.getObjSize}
            for b in brains
        ]

    # ------------------------------------------------------------ feed

    def atom(self):
        from collective.deliberations.portal.feed import atom_feed

        self.request.response.setHeader("Content-Type", "application/atom+xml; charset=utf-8")
        return atom_feed(self, published_acts()[:50])
