"""@@convocation-lien/<token>: the personal link of a recipient. It opens that session's dossier as sent to every
recipient (disclosure.readable_without_login: a confidential document asks for the élu's login) and the answer,
nothing else; revoked or expired, it says so. @@convocation-lien/<token>/document/<uid> downloads one document of
that dossier. Its GETs write nothing (a mail scanner makes them too): the page's script posts the token to
@@convocation-lecture once the page is displayed, which records the accusé de lecture."""

from collective.deliberations import _
from collective.deliberations.convocation.browser.dossier import DossierBase
from collective.deliberations.convocation.browser.dossier_files import dossier_pdf
from collective.deliberations.convocation.browser.dossier_files import dossier_zip
from collective.deliberations.convocation.followup import local
from collective.deliberations.convocation.links import link_documents
from collective.deliberations.convocation.links import login_documents
from collective.deliberations.convocation.links import refusal
from collective.deliberations.convocation.links import revoke
from collective.deliberations.convocation.presence import record_reading
from collective.deliberations.convocation.storage import lookup_token
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


def private(response):
    response.setHeader("Cache-Control", "no-store")
    response.setHeader("Referrer-Policy", "no-referrer")


@implementer(IPublishTraverse)
class PersonalLinkView(DossierBase):
    index = ViewPageTemplateFile("templates/dossier.pt")
    refusal = ViewPageTemplateFile("templates/link_refused.pt")
    opened_by = "link"
    login_target = None  # where the refusal page's login button leads

    def __init__(self, context, request):
        super().__init__(context, request)
        self.path = []

    def publishTraverse(self, request, name):
        self.path.append(name)
        return self

    def token(self):
        return self.path[0] if self.path else ""

    def __call__(self):
        self.session, self.recipient = lookup_token(self.token())
        private(self.request.response)
        if self.session is None:
            return self.refuse("unknown")
        if self.request.method == "POST" and "revoke_link" in self.request.form:
            CheckAuthenticator(self.request)
            revoke(self.recipient)
        refused = refusal(self.session, self.recipient)
        if refused is not None:
            self.login_target = self.login_url(self.session, "@@dossier")
            return self.refuse(refused[0], local(refused[1]))
        if len(self.path) == 3 and self.path[1] == "document":
            return self.download(self.path[2])
        if len(self.path) == 2 and self.path[1] in ("dossier.pdf", "dossier.zip"):
            return (dossier_pdf if self.path[1] == "dossier.pdf" else dossier_zip)(self)
        if len(self.path) > 1:
            raise NotFound("/".join(self.path[1:]))
        self.handle()
        return self.index()

    def refuse(self, reason, when="", status=None):
        self.reason, self.when = reason, when
        self.request.response.setStatus(status or (404 if reason == "unknown" else 410))
        return self.refusal()

    def link_url(self):
        return f"{self.context.absolute_url()}/@@convocation-lien/{self.token()}"

    def reading_url(self):
        return f"{self.context.absolute_url()}/@@convocation-lecture"

    def reading_fields(self):
        return [{"name": "token", "value": self.token()}]  # the credential

    def document_url(self, obj):
        return f"{self.link_url()}/document/{obj.UID()}"

    def login_url(self, obj, view="@@download/file"):
        """The login form, then `obj` (a confidential document; the dossier once the link no longer opens)."""
        came_from = f"{obj.absolute_url()}/{view}"
        return f"{self.context.absolute_url()}/login?{urlencode({'came_from': came_from})}"

    def file_url(self, name):
        return f"{self.link_url()}/{name}"

    def allowed(self):
        return {obj.UID() for _item, obj in link_documents(self.session)}

    def login_needed(self):
        return {obj.UID() for _item, obj in login_documents(self.session)}

    def download(self, uid):
        for _item, obj in link_documents(self.session):
            if obj.UID() == uid:
                set_headers(obj.file, self.request.response, filename=obj.file.filename)
                return stream_data(obj.file)
        for _item, obj in login_documents(self.session):
            if obj.UID() == uid:
                self.login_target = self.login_url(obj)
                return self.refuse("login", status=403)
        raise NotFound(uid)


class ReadingReceiptView(BrowserView):
    """POST @@convocation-lecture (token=<the link's token>): the link's page was displayed to its reader."""

    def __call__(self):
        response = self.request.response
        private(response)
        if self.request.method != "POST":
            response.setStatus(405)
            response.setHeader("Allow", "POST")
            return self.say(_("reading_post_only", default="The reading is recorded by the page of the link."))
        session, recipient = lookup_token(self.request.form.get("token", ""))
        if session is None or refusal(session, recipient) is not None:
            response.setStatus(404)
            return self.say(_("reading_unknown_link", default="This link is not valid."))
        alsoProvides(self.request, IDisableCSRFProtection)  # the token in the body is the credential
        record_reading(session, recipient, "link", self.request.get_header("User-Agent"))
        response.setStatus(204)
        return ""

    def say(self, message):
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(message, context=self.request)
