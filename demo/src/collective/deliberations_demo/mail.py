"""The demo's mail settings: Plone's MailHost sends to the local SMTP server that `make run` starts
(deliberations-mailserver on 127.0.0.1:8025, .eml files under instance/var/mail/)."""

from plone import api

import os


DEMO_MAIL = {
    "plone.smtp_host": "127.0.0.1",
    "plone.smtp_port": int(os.environ.get("DELIBERATIONS_MAIL_PORT", "8025")),
    "plone.email_from_address": "secretariat.assemblees@val-exemple.example.org",
    "plone.email_from_name": "Communauté de communes du Val d'Exemple",
}


def configure_mail():
    for name, value in DEMO_MAIL.items():
        if api.portal.get_registry_record(name, default=None) != value:
            api.portal.set_registry_record(name, value)
