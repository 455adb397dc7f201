"""The demo site's convened sessions are convened through the real path: their messages reach the demo's SMTP
server (deliberations-mailserver) and are kept as .eml files, as after `make run`."""

from .conftest import free_port
from email import message_from_bytes
from email import policy
from test_demo_site import instance
from test_demo_site import run

import os
import subprocess


def test_demo_convocations_are_eml_files(project_root, venv_bin, tmp_path):
    port = free_port()
    mail_dir = tmp_path / "mail"
    server = subprocess.Popen(
        [str(venv_bin / "deliberations-mailserver"), str(mail_dir), "--port", str(port)], stdout=subprocess.PIPE
    )
    try:
        server.stdout.readline()
        zope_conf, _ini = instance(project_root, tmp_path)
        site = [venv_bin / "deliberations-site", str(zope_conf), "--url", "http://127.0.0.1:8090"]
        run(site, env={**os.environ, "DELIBERATIONS_MAIL_PORT": str(port)})
    finally:
        server.terminate()
        server.wait(timeout=10)
    messages = [message_from_bytes(path.read_bytes(), policy=policy.default) for path in mail_dir.glob("*.eml")]
    subjects = [m["Subject"] for m in messages]
    council = [s for s in subjects if s.startswith("Convocation : Conseil communautaire du")]
    assert len(council) == 43  # the convened council session, one per member; the closed one sent nothing
    assert len([s for s in subjects if s.startswith("Convocation : Bureau communautaire du")]) == 16
    assert any(s.startswith("Convocation : Commission") for s in subjects)
    elu = next(m for m in messages if m["To"].endswith("<elu@val-exemple.example.org>") and "Conseil" in m["Subject"])
    # the personal link opens the instance the demo is served from (make run passes its HOST and PORT), by the name
    # localhost: Plone serves 127.0.0.1 unthemed
    assert "http://localhost:8090/Plone/@@convocation-lien/" in elu.get_body(("plain",)).get_content()
    assert any(part.get_content_type() == "text/calendar" for part in elu.iter_attachments())
