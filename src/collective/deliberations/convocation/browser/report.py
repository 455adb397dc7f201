"""@@convocation-suivi.pdf: the follow-up of a convocation as a PDF/A, the legal proof of the délai: who was
convened, when the convocation was made available, accepted by the SMTP server, first opened, answered, and each
proof manifest with its digest and its RFC 3161 time. HTML and CSS rendered by WeasyPrint, like @@acte.pdf."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.collectivite import get_settings
from collective.deliberations.convocation import followup
from collective.deliberations.convocation.browser.followup import FollowUpView
from collective.deliberations.convocation.checks import jours_francs
from collective.deliberations.convocation.checks import required_jours_francs
from collective.deliberations.convocation.storage import now
from collective.deliberations.documents.rendering import html_to_pdfa
from collective.deliberations.documents.rendering import send_pdf
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound


class FollowUpPDF(FollowUpView):
    html = ViewPageTemplateFile("templates/followup_pdf.pt")

    def delay(self):
        """The jours francs left between the convocation and the session, and those the law asks (None: none)."""
        convocation = self.convocation()
        have = jours_francs(convocation.convened_at.date(), self.context.start.date())
        return {"have": have, "required": required_jours_francs(self.context)}

    def header(self):
        settings = get_settings()
        convocation = self.convocation()
        return {
            "collectivite": settings.name or api.portal.get().Title(),
            "body": aq_parent(aq_inner(self.context)).Title(),
            "date": followup.local(self.context.start),
            "convened_at": followup.local(convocation.convened_at),
            "urgency_reason": convocation.urgency_reason,
            "override": convocation.override,
            "printed_at": followup.local(now()),
        }

    def __call__(self):
        if self.convocation() is None:
            raise NotFound("not convened")
        pdf = html_to_pdfa(self.html(), self.context.absolute_url())
        return send_pdf(self.request.response, pdf, f"suivi-convocation-{self.context.getId()}.pdf")
