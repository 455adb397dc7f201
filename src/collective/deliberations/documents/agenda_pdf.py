"""The ordre du jour of a session as a PDF/A-3b (WeasyPrint, template templates/agenda_pdf.pt), like the act."""

from Acquisition import aq_inner
from collective.deliberations.browser import utils
from collective.deliberations.collectivite import get_settings
from collective.deliberations.documents.rendering import html_to_pdfa
from collective.deliberations.documents.rendering import send_pdf
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class AgendaPDFView(BrowserView):
    """@@ordre-du-jour.pdf: the items the reader may see, in their order, with their deliberation's objet."""

    html = ViewPageTemplateFile("templates/agenda_pdf.pt")

    def data(self):
        session = aq_inner(self.context)
        items = []
        for item in session.agenda():
            if not api.user.has_permission("View", obj=item):
                continue
            uid = getattr(item, "deliberation", None)
            found = api.content.find(UID=uid, unrestricted=True) if uid else []
            items.append(found[0].Title if found else item.Title())
        settings = get_settings()
        return {
            "collectivite": settings.name or api.portal.get().Title(),
            "body": session.aq_parent.Title(),
            "title": session.Title(),
            "date": utils.localized(session.start),
            "place": session.place,
            "public": getattr(session, "public", True),
            "president": utils.fullname(session.president),
            "items": items,
        }

    def __call__(self):
        pdf = html_to_pdfa(self.html(data=self.data()), self.context.absolute_url())
        return send_pdf(self.request.response, pdf, f"ordre-du-jour-{self.context.getId()}.pdf")
