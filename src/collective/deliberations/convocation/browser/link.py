"""@@convocation-lien/<token>: the personal link of a recipient. It opens that session's dossier and the presence
answer, nothing else; revoked or expired, it says so. @@convocation-lien/<token>/document/<uid> downloads one
document of that dossier."""

from collective.deliberations.convocation.browser.dossier import DossierBase
from collective.deliberations.convocation.browser.dossier_files import dossier_pdf
from collective.deliberations.convocation.browser.dossier_files import dossier_zip
from collective.deliberations.convocation.followup import local
from collective.deliberations.convocation.ical import aware
from collective.deliberations.convocation.proof import dossier_documents
from collective.deliberations.convocation.settings import setting
from collective.deliberations.convocation.storage import lookup_token
from collective.deliberations.convocation.storage import now
from datetime import timedelta
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class PersonalLinkView(DossierBase):
    index = ViewPageTemplateFile("templates/dossier.pt")
    refusal = ViewPageTemplateFile("templates/link_refused.pt")
    opened_by = "link"

    def __init__(self, context, request):
        super().__init__(context, request)
        self.path = []

    def publishTraverse(self, request, name):
        self.path.append(name)
        return self

    def token(self):
        return self.path[0] if self.path else ""

    def expires_at(self):
        return aware(self.session.start) + timedelta(days=setting("link_validity_days"))

    def __call__(self):
        self.session, self.recipient = lookup_token(self.token())
        self.request.response.setHeader("Cache-Control", "no-store")
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        if self.session is None:
            return self.refuse("unknown")
        if self.recipient.revoked_at is not None:
            return self.refuse("revoked", local(self.recipient.revoked_at))
        if now() > self.expires_at():
            return self.refuse("expired", local(self.expires_at()))
        if len(self.path) == 3 and self.path[1] == "document":
            return self.download(self.path[2])
        if len(self.path) == 2 and self.path[1] in ("dossier.pdf", "dossier.zip"):
            self.handle()
            return (dossier_pdf if self.path[1] == "dossier.pdf" else dossier_zip)(self)
        if len(self.path) > 1:
            raise NotFound("/".join(self.path[1:]))
        self.handle()
        return self.index()

    def refuse(self, reason, when=""):
        self.reason, self.when = reason, when
        self.request.response.setStatus(404 if reason == "unknown" else 410)
        return self.refusal()

    def link_url(self):
        return f"{self.context.absolute_url()}/@@convocation-lien/{self.token()}"

    def document_url(self, obj):
        return f"{self.link_url()}/document/{obj.UID()}"

    def file_url(self, name):
        return f"{self.link_url()}/{name}"

    def download(self, uid):
        for _item, obj in dossier_documents(self.session):
            if obj.UID() == uid:
                set_headers(obj.file, self.request.response, filename=obj.file.filename)
                return stream_data(obj.file)
        raise NotFound(uid)
