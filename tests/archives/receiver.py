"""A small real HTTP receiver of SEDA messages, as as@lae takes them: multipart POST (seda_message, attachments),
basic authentication; it checks that every file the manifest names arrived with its SHA-512."""

from .sae import receive
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

import base64
import io
import json
import threading
import zipfile


class Receiver:
    def __init__(self, user="versant", password="secret"):
        self.received = []
        self.credentials = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                if self.headers.get("Authorization") != receiver.credentials:
                    return self.answer(401, {"error": "authentication"})
                length = int(self.headers["Content-Length"])
                raw = self.rfile.read(length)
                message = BytesParser(policy=HTTP).parsebytes(
                    b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + raw
                )
                fields = {
                    part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
                    for part in message.iter_parts()
                }
                if set(fields) != {"seda_message", "attachments"}:
                    return self.answer(400, {"error": f"fields {sorted(fields)}"})
                with zipfile.ZipFile(io.BytesIO(fields["attachments"])) as sip:
                    files = {name: sip.read(name) for name in sip.namelist()}
                manifest, problems = receive(fields["seda_message"], files)
                receiver.received.append(
                    {
                        "manifest": manifest,
                        "problems": problems,
                        "length": length,
                        "chunked": "chunked" in self.headers.get("Transfer-Encoding", ""),
                    }
                )
                return self.answer(400 if problems else 201, {"problems": problems})

            def answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/restservices/sedaMessages"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
