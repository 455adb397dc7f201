"""Transfer adapters. The vault directory is always written; with a URL set, the SIP also goes to the archive
system the way as@lae receives SEDA messages: one multipart/form-data POST with the manifest (seda_message) and the
SIP (attachments), streamed from disk with its length (never read into memory)."""

from collective.deliberations import _
from collective.deliberations.archives.settings import get_settings
from collective.deliberations.archives.sip import ExportError
from urllib.parse import unquote
from urllib.parse import urlsplit

import base64
import http.client
import io
import os
import uuid
import zipfile


class MultipartBody:
    """A file-like multipart/form-data body made of byte strings and files on disk, read piece by piece."""

    def __init__(self, parts):
        self.boundary = f"----sip{uuid.uuid4().hex}"
        self.pieces = []
        for name, filename, content_type, source in parts:
            head = (
                f'--{self.boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n"
            ).encode()
            self.pieces += [head, source, b"\r\n"]
        self.pieces.append(f"--{self.boundary}--\r\n".encode())
        self.length = sum(os.path.getsize(p) if isinstance(p, str) else len(p) for p in self.pieces)
        self._iter = iter(self.pieces)
        self._current = None

    @property
    def content_type(self):
        return f"multipart/form-data; boundary={self.boundary}"

    def read(self, size=1 << 16):
        while True:
            if self._current is None:
                piece = next(self._iter, None)
                if piece is None:
                    return b""
                self._current = open(piece, "rb") if isinstance(piece, str) else io.BytesIO(piece)
            data = self._current.read(size)
            if data:
                return data
            self._current.close()
            self._current = None


class HttpAdapter:
    def __init__(self, url, timeout=300):
        self.url = url
        self.timeout = timeout

    def send(self, path, identifier):
        with zipfile.ZipFile(path) as sip:
            manifest = sip.read("manifest.xml")
        body = MultipartBody(
            [
                ("seda_message", f"{identifier}.xml", "application/xml", manifest),
                ("attachments", os.path.basename(path), "application/zip", path),
            ]
        )
        parts = urlsplit(self.url)
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        headers = {"Content-Type": body.content_type, "Content-Length": str(body.length), "Accept": "*/*"}
        if parts.username:
            token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(token).decode()
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection = connection_class(parts.hostname, parts.port, timeout=self.timeout)
        try:
            try:
                connection.request("POST", target, body=body, headers=headers)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server answered before reading everything (a refusal): its answer says why
            response = connection.getresponse()
            answer = response.read(10000).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            raise ExportError(
                _(
                    "error_http_transfer",
                    default="The archive system did not answer (${error}): nothing was transferred.",
                    mapping={"error": str(error)},
                )
            ) from error
        finally:
            connection.close()
        if response.status >= 300:
            raise ExportError(
                _(
                    "error_http_refused",
                    default="The archive system refused the transfer (HTTP ${status}: ${answer}).",
                    mapping={"status": response.status, "answer": answer[:300]},
                )
            )
        return f"http {response.status}"


def default_adapter():
    """HTTP when the settings name the archive system's URL; otherwise the vault only (None)."""
    settings = get_settings()
    url = (getattr(settings, "transfer_url", None) or "").strip() if settings is not None else ""
    return HttpAdapter(url) if url else None
