"""deliberations-mailserver: the demo's local SMTP server. It accepts every message on 127.0.0.1:8025 and keeps each
as a .eml file, so that a new user sees what the officials receive. Never for production: the collectivité's own
SMTP server is configured there (Configuration du site → Courriel)."""

from aiosmtpd.controller import Controller
from datetime import datetime
from pathlib import Path

import argparse
import re
import signal
import threading


class EmlStore:
    """Write each accepted message to `directory` as <time>-<recipient>.eml."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        recipient = re.sub(r"[^A-Za-z0-9@._-]", "_", envelope.rcpt_tos[0] if envelope.rcpt_tos else "inconnu")
        path = self.directory / f"{stamp}-{self.count:05d}-{recipient}.eml"
        path.write_bytes(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


def start(directory, host="127.0.0.1", port=8025):
    controller = Controller(EmlStore(directory), hostname=host, port=port)
    controller.start()
    return controller


def main(argv=None):
    parser = argparse.ArgumentParser(prog="deliberations-mailserver", description=__doc__.splitlines()[0])
    parser.add_argument("directory", help="where the .eml files go, for example instance/var/mail")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025)
    args = parser.parse_args(argv)
    controller = start(args.directory, args.host, args.port)
    print(f"deliberations-mailserver: SMTP on {args.host}:{args.port}, messages in {args.directory}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
