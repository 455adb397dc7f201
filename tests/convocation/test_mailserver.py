"""The demo's SMTP server, started as make run starts it, keeps each message as a .eml file."""

from .conftest import free_port

import smtplib
import subprocess
import time


def test_mailserver_stores_each_message_as_eml(venv_bin, tmp_path):
    port = free_port()
    mail_dir = tmp_path / "mail"
    process = subprocess.Popen(
        [str(venv_bin / "deliberations-mailserver"), str(mail_dir), "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert "SMTP on 127.0.0.1" in process.stdout.readline()
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
            smtp.sendmail("a@example.org", ["elu@example.org"], "Subject: Convocation\r\n\r\nBonjour\r\n")
        for _ in range(50):
            if list(mail_dir.glob("*.eml")):
                break
            time.sleep(0.1)
        (eml,) = mail_dir.glob("*.eml")
        assert "elu@example.org" in eml.name
        assert b"Subject: Convocation" in eml.read_bytes()
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
