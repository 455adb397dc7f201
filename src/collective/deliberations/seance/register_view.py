"""@@registre?year=2026 on the site: the register of that year's deliberations, as a PDF, for the secretariat."""

from collective.deliberations import _
from collective.deliberations.documents.office import ConversionFailed
from collective.deliberations.seance import SeanceError
from collective.deliberations.seance.register import register_pdf
from Products.Five.browser import BrowserView
from zope.i18n import translate

import datetime


NOT_A_YEAR = _("register_year_digits", default="The year is written in digits, for example 2026.")


class RegisterPDF(BrowserView):
    """@@registre?year=2026 on the site: the register of that year's deliberations, as a PDF."""

    def __call__(self):
        raw = self.request.form.get("year") or str(datetime.date.today().year)
        if not (isinstance(raw, str) and raw.isascii() and raw.isdigit() and 1000 <= int(raw) <= 9999):
            return self.refused(400, NOT_A_YEAR)
        try:
            data = register_pdf(int(raw))
        except SeanceError as error:
            return self.refused(400, error.message)
        except ConversionFailed as error:  # LibreOffice over its time or stopped: may pass
            return self.refused(503, error.message)
        self.request.response.setHeader("Content-Type", "application/pdf")
        self.request.response.setHeader("Content-Disposition", f'attachment; filename="registre-{raw}.pdf"')
        return data

    def refused(self, status, message):
        self.request.response.setStatus(status)
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(message, context=self.request)
