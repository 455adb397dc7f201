"""The dossier of a session as an official reads it, and the presence answer: shared by the logged-in page
(@@dossier) and the personal link (@@convocation-lien/<token>)."""

from collective.deliberations.behaviors.document import IDocumentFlags
from collective.deliberations.convocation.followup import ANSWER_TITLES
from collective.deliberations.convocation.followup import local
from collective.deliberations.convocation.links import expires_at
from collective.deliberations.convocation.links import revoke
from collective.deliberations.convocation.presence import AnswerError
from collective.deliberations.convocation.presence import record_answer
from collective.deliberations.convocation.presence import record_reading
from collective.deliberations.convocation.proof import dossier_documents
from collective.deliberations.convocation.storage import get_convocation
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate


class DossierBase(BrowserView):
    """Subclasses set self.session, self.recipient and say how a document is reached (document_url)."""

    session = None
    recipient = None
    opened_by = "login"
    error = None

    def handle(self):
        """On POST: the page's script saying it was displayed (the accusé de lecture), a presence answer, the
        revocation of one's link. A GET writes nothing (a mail scanner makes them too)."""
        form = self.request.form
        if self.recipient is None or self.request.method != "POST":
            return
        if {"revoke_link", "reading", "answer"} & set(form):
            CheckAuthenticator(self.request)
        if "revoke_link" in form:
            revoke(self.recipient)
            self.say("msg_own_link_revoked", "Your personal link is revoked: log in to read the dossier.")
        if "reading" in form:
            self.read()
        if "answer" in form:
            self.take_answer(form.get("answer"), form.get("proxy") or None)

    def take_answer(self, answer, proxy):
        try:
            record_answer(self.session, self.convocation(), self.recipient, answer, proxy)
        except AnswerError as error:
            self.error = translate(error.args[0], context=self.request)
            self.request.response.setStatus(400)
        else:
            self.say("msg_answer_saved", "Your answer is recorded.")
            self.read()  # a person answered: they read it, even without the page's script

    def say(self, msgid, default):
        message = translate(msgid, domain="collective.deliberations", context=self.request, default=default)
        api.portal.show_message(message, self.request)

    def convocation(self):
        return get_convocation(self.session)

    def date(self):
        return local(self.session.start)

    def document_url(self, obj):
        raise NotImplementedError

    def read(self):
        record_reading(self.session, self.recipient, self.opened_by, self.request.get_header("User-Agent"))

    def reading_url(self):
        """Where the page's script posts that the page was displayed to its reader (a recipient's page only)."""
        return self.link_url() if self.recipient is not None else None

    def reading_fields(self):
        token = self.context.restrictedTraverse("@@authenticator").token()
        return [{"name": "reading", "value": "1"}, {"name": "_authenticator", "value": token}]

    def login_needed(self):
        """UIDs of the documents listed with a login link instead of their own (the personal link's confidential)."""
        return set()

    def login_url(self, obj, view="@@download/file"):
        return None

    def link_expires_text(self):
        return local(expires_at(self.session))

    def portal_url(self):
        return api.portal.get().absolute_url()

    def link_revoked(self):
        return self.recipient is not None and self.recipient.revoked_at is not None

    def _documents(self, container, allowed):
        rows = []
        login_needed = self.login_needed()
        listed = allowed | login_needed
        for obj in container.objectValues():
            if obj.portal_type != "File" or obj.UID() not in listed:
                continue
            flags = IDocumentFlags(obj, None)
            needs_login = obj.UID() in login_needed
            rows.append(
                {
                    "title": obj.Title(),
                    "url": self.login_url(obj) if needs_login else self.document_url(obj),
                    "login_needed": needs_login,
                    "size": obj.file.getSize() if obj.file else 0,
                    "summary_note": getattr(flags, "document_type", None) == "note_synthese",
                    "share_url": self.share_url(obj),
                }
            )
        return rows

    def share_url(self, obj):
        """The sharing page, for whoever may share (the page checks the permission again)."""
        return None

    def allowed(self):
        return {obj.UID() for _item, obj in dossier_documents(self.session)}

    def session_documents(self):
        return self._documents(self.session, self.allowed())

    def dossier(self):
        """([(group key, title)], [(group key, document)]): the session's documents then each item's, those this
        reader may see, for the dossier PDF and the zip."""
        allowed = self.allowed()
        title = translate("dossier_session_documents", domain="collective.deliberations", context=self.request,
                          default="Documents of the session")  # fmt: skip
        groups, documents = [("", title)], []
        containers = [("", self.session)]
        for number, item in enumerate(self.session.agenda(), 1):
            groups.append((item.getId(), f"{number}. {item.Title()}"))
            deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
            if deliberation is not None:
                containers.append((item.getId(), deliberation))
        for key, container in containers:
            for obj in container.objectValues():
                if obj.portal_type == "File" and obj.UID() in allowed and getattr(obj, "file", None) is not None:
                    documents.append((key, obj))
        return groups, documents

    def items(self):
        allowed = self.allowed()
        rows = []
        for number, item in enumerate(self.session.agenda(), 1):
            deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
            rows.append(
                {
                    "number": number,
                    "id": item.getId(),
                    "title": item.Title(),
                    "documents": self._documents(deliberation, allowed) if deliberation is not None else [],
                }
            )
        return rows

    def answer(self):
        answer = self.recipient.answer() if self.recipient is not None else None
        if answer is None:
            return None
        holder = self.convocation().get(answer["proxy"]) if answer["proxy"] else None
        return {
            "answer": answer["answer"],
            "title": translate(ANSWER_TITLES[answer["answer"]], context=self.request),
            "proxy": holder.fullname if holder else "",
            "at": local(answer["at"]),
        }

    def proxy_choices(self):
        if self.recipient is None:
            return []
        return [
            {"userid": r.userid, "fullname": r.fullname}
            for r in self.convocation().all()
            if r.userid != self.recipient.userid and r.kind == "convocation"
        ]

    def can_answer(self):
        return self.recipient is not None and api.content.get_state(self.session) == "convened"

    def remote_allowed(self):
        return self.convocation().remote_allowed
