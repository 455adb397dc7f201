"""@@convocation-lettre.pdf: the convocation letter of a session, a PDF/A by WeasyPrint from the page template
templates/convocation_letter.pt (a collectivité overrides it with z3c.jbot, like the act and the ordre du jour).

Once convened: one letter per member who asked for paper (or ?recipient=<userid> for one, any recipient), with
their personal link printed; before, or when nobody asked for paper, one letter "Madame, Monsieur" to print."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.browser import utils
from collective.deliberations.collectivite import get_settings
from collective.deliberations.convocation.message import dossier_url
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.documents.rendering import html_to_pdfa
from collective.deliberations.documents.rendering import send_pdf
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound


class ConvocationLetterPDF(BrowserView):
    html = ViewPageTemplateFile("templates/convocation_letter.pt")

    def recipients(self):
        convocation = get_convocation(self.context)
        userid = self.request.form.get("recipient")
        if userid:
            recipient = convocation.get(userid) if convocation is not None else None
            if recipient is None:
                raise NotFound(userid)
            return [recipient]
        return [r for r in convocation.all() if r.paper] if convocation is not None else []

    def data(self):
        session = aq_inner(self.context)
        settings = get_settings()
        convocation = get_convocation(session)
        letters = [
            {"name": r.fullname, "kind": r.kind, "link": dossier_url(r, session)} for r in self.recipients()
        ] or [{"name": "", "kind": "convocation", "link": ""}]
        return {
            "collectivite": settings.name or api.portal.get().Title(),
            "body": aq_parent(session).Title(),
            "title": session.Title(),
            "date": utils.localized(session.start),
            "place": session.place,
            "sent": utils.localized(convocation.convened_at, long_format=False) if convocation else "",
            "urgency_reason": convocation.urgency_reason if convocation else "",
            "president": utils.fullname(getattr(session, "president", None)),
            "items": [item.Title() for item in session.agenda()],
            "letters": letters,
        }

    def __call__(self):
        pdf = html_to_pdfa(self.html(data=self.data()), self.context.absolute_url())
        return send_pdf(self.request.response, pdf, f"convocation-{self.context.getId()}.pdf")
