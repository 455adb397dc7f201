"""REST: GET <session>/@sip (the SIP, application/zip), POST <session>/@transfer (versement to the vault)."""

from collective.deliberations.archives.reply import apply_reply
from collective.deliberations.archives.reply import ReplyRefused
from collective.deliberations.archives.services.common import error
from collective.deliberations.archives.services.common import no_csrf
from collective.deliberations.archives.sip import ExportError
from collective.deliberations.archives.transfer import build_sip
from collective.deliberations.archives.transfer import transfer
from collective.deliberations.archives.transfer import transfers
from collective.deliberations.archives.validation import schema_missing_message
from collective.deliberations.archives.validation import SchemaMissing
from collective.deliberations.audit.reads import note_read
from collective.deliberations.services.errors import read_json
from collective.deliberations.services.errors import refusing_bad_input
from collective.deliberations.validation import texts
from plone.restapi.services import Service
from ZPublisher.Iterators import filestream_iterator

import json
import os
import shutil
import tempfile


class SipGet(Service):
    """The SIP of this closed session (or of this decided act, under its séance), built in a private temporary
    directory and streamed from disk."""

    def render(self):
        self.check_permission()
        directory = tempfile.mkdtemp(prefix="sip-")
        try:
            identifier, path, sha512 = build_sip([self.context], directory)
        except (ExportError, SchemaMissing) as problem:
            shutil.rmtree(directory, ignore_errors=True)
            message = problem.message if isinstance(problem, ExportError) else schema_missing_message(problem)
            body = error(self, 400 if isinstance(problem, ExportError) else 503, message)
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps(body)
        stream = filestream_iterator(path, "rb")
        size = os.fstat(stream.fileno()).st_size
        shutil.rmtree(directory, ignore_errors=True)  # the open file stays readable until streamed
        response = self.request.response
        response.setHeader("Content-Type", "application/zip")
        response.setHeader("Content-Length", str(size))
        response.setHeader("Content-Disposition", f'attachment; filename="{identifier}.zip"')
        response.setHeader("X-SIP-SHA512", sha512)
        note_read("sip_export", self.context, {"identifier": identifier, "sha512": sha512})
        return stream


class TransferPost(Service):
    """On a session: that session. On the site: {"sessions": [UID, ...]} or {"records": [UID, ...]} (séances
    and deliberations: acts chosen alone go under their séance), in one SIP."""

    def sessions(self):
        from collective.deliberations.content.session import ISession
        from plone import api

        if ISession.providedBy(self.context):
            return [self.context]
        body = read_json(self.request)
        found = []
        for uid in texts(body, "sessions") + texts(body, "records"):
            brains = api.content.find(UID=uid, portal_type=["Session", "Deliberation"], unrestricted=True)
            if brains:
                found.append(brains[0]._unrestrictedGetObject())
        return found

    @refusing_bad_input
    def reply(self):
        no_csrf(self.request)
        sessions = self.sessions()
        if not sessions:
            from collective.deliberations import _

            return error(self, 400, _("error_transfer_no_session", default="Choose the closed séances to transfer."))
        try:
            entry = transfer(sessions)
        except ExportError as problem:
            return error(self, 400, problem.message)
        except SchemaMissing as problem:
            return error(self, 503, schema_missing_message(problem))
        return {
            key: entry[key] for key in ("identifier", "sha512", "date", "status", "records", "rendered_at_export")
        } | {"file": os.path.basename(entry["file"])}


class ReplyPost(Service):
    """The archive's ArchiveTransferReply, as the body (application/xml) or a multipart field named "file"."""

    def reply(self):
        no_csrf(self.request)
        upload = self.request.form.get("file")
        data = upload.read() if hasattr(upload, "read") else self.request.get("BODY") or b""
        try:
            entry = apply_reply(data)
        except ReplyRefused as problem:
            return error(self, 400, problem.message)
        return {key: entry.get(key) for key in ("identifier", "status", "reply", "reply_code", "records")}


class TransfersGet(Service):
    def reply(self):
        keys = ("identifier", "date", "user", "status", "sha512", "reply", "adapter")
        return {"items": [{key: entry.get(key) for key in keys} for entry in transfers().values()]}


class StubPost(Service):
    """POST <session>/@archive-stub: the archived session keeps its metadata and archive identifiers only."""

    def reply(self):
        no_csrf(self.request)
        from collective.deliberations.archives.transfer import keep_stub

        try:
            records = keep_stub(self.context)
        except ExportError as problem:
            return error(self, 400, problem.message)
        return {"records": [record.UID() for record in records]}
