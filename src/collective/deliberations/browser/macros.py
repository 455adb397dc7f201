"""The macros the pages share (``context/@@deliberations-macros/documents``): a holder, not a page."""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound


class Macros(BrowserView):
    template = ViewPageTemplateFile("templates/macros.pt")

    def __getitem__(self, name):
        return self.template.macros[name]

    def __call__(self):
        """Its URL opened in a browser: nothing to show (rendered alone, a macro misses its caller's view)."""
        raise NotFound(self.context, "deliberations-macros", self.request)
