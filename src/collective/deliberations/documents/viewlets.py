"""The conversion status shown above a document: waiting, converted, or failed with the reason."""

from collective.deliberations.documents.status import describe
from plone.app.layout.viewlets import ViewletBase


class ConversionStatusViewlet(ViewletBase):
    def update(self):
        super().update()
        self.status = describe(self.context, self.request)

    def css_class(self):
        return {"pending": "alert-info", "converted": "alert-success", "failed": "alert-warning"}[self.status["state"]]
