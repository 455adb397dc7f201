"""@@registre?year=2026 on the site: the register of that year's deliberations, as a PDF, for the secretariat."""

from collective.deliberations.seance import SeanceError
from collective.deliberations.seance.register import register_pdf
from Products.Five.browser import BrowserView

import datetime


class RegisterPDF(BrowserView):
    """@@registre?year=2026 on the site: the register of that year's deliberations, as a PDF."""

    def __call__(self):
        try:
            year = int(self.request.form.get("year") or datetime.date.today().year)
            data = register_pdf(year)
        except (SeanceError, ValueError) as error:
            self.request.response.setStatus(400)
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return error.translated(self.request) if isinstance(error, SeanceError) else str(error)
        self.request.response.setHeader("Content-Type", "application/pdf")
        self.request.response.setHeader("Content-Disposition", f'attachment; filename="registre-{year}.pdf"')
        return data
