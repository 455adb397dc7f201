"""The proof: a manifest of recipients and documents (name, size, SHA-256), stored and timestamped by a real
RFC 3161 authority; a later change of the dossier makes a new manifest and a modificatif to every recipient."""

from .conftest import convene
from collective.deliberations.convocation.storage import get_convocation
from datetime import timedelta
from plone import api
from plone.namedfile.file import NamedBlobFile

import base64
import hashlib
import json
import subprocess
import transaction


def add_document(container, title, data):
    with api.env.adopt_user(username="secretaire"):
        return api.content.create(container, "File", title=title, file=NamedBlobFile(data, filename=f"{title}.pdf"))


def ics_of(message):
    return next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar").get_content()


def test_manifest_is_timestamped_by_the_authority(site, inbox, tsa, tmp_path):
    add_document(site.deliberation, "Annexe", b"%PDF-1.4 annexe budgetaire")
    api.portal.set_registry_record("collective.deliberations.convocation.tsa_url", tsa.url)
    transaction.commit()
    convene(site.session)
    (manifest,) = get_convocation(site.session).manifests
    data = json.loads(manifest["json"])
    assert [r["userid"] for r in data["recipients"]] == ["elu", "elu2"]
    (document,) = data["documents"]
    assert document["filename"] == "Annexe.pdf" and document["size"] == 26
    assert document["sha256"] == hashlib.sha256(b"%PDF-1.4 annexe budgetaire").hexdigest()
    assert manifest["tsa_error"] is None and manifest["tsa_time"]
    (tmp_path / "manifest.json").write_bytes(manifest["json"].encode("utf-8"))
    (tmp_path / "token.der").write_bytes(base64.b64decode(manifest["tsa_token"]))
    verified = subprocess.run(
        ["openssl", "ts", "-verify", "-token_in", "-in", tmp_path / "token.der", "-data", tmp_path / "manifest.json",
         "-CAfile", tsa.certificate],
        capture_output=True, text=True,
    )  # fmt: skip
    assert "Verification: OK" in verified.stdout, verified.stderr
    (tmp_path / "manifest.json").write_bytes(manifest["json"].encode("utf-8") + b" ")
    tampered = subprocess.run(
        ["openssl", "ts", "-verify", "-token_in", "-in", tmp_path / "token.der", "-data", tmp_path / "manifest.json",
         "-CAfile", tsa.certificate],
        capture_output=True, text=True,
    )  # fmt: skip
    assert "Verification: OK" not in tampered.stdout


def test_an_unreachable_authority_is_recorded_and_convening_goes_on(site, inbox):
    api.portal.set_registry_record("collective.deliberations.convocation.tsa_url", "http://127.0.0.1:1/tsa")
    transaction.commit()
    convene(site.session)
    (manifest,) = get_convocation(site.session).manifests
    assert manifest["tsa_token"] is None and "Connection refused" in manifest["tsa_error"]
    assert len(inbox.messages) == 2


def test_a_document_added_after_sending_sends_a_modificatif(site, inbox):
    convene(site.session)
    inbox.clear()
    add_document(site.deliberation, "Rapport complémentaire", b"%PDF-1.4 rapport")
    transaction.commit()
    transaction.begin()
    manifests = get_convocation(site.session).manifests
    assert len(manifests) == 2
    assert manifests[1]["changes"] == ["Document ajouté : Rapport complémentaire (Rapport complémentaire.pdf)"]
    message = inbox.to("elu2@example.org")[0]
    assert message["Subject"] == "Modificatif de la convocation : Séance"
    assert "Document ajouté : Rapport complémentaire" in message.get_body(("plain",)).get_content()
    assert len(inbox.messages) == 2
    site.session.reindexObject()  # a change that is no change of the dossier sends nothing
    transaction.commit()
    assert len(inbox.messages) == 2


def test_a_session_moved_after_sending_updates_the_invitation(site, inbox):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    convene(site.session)
    inbox.clear()
    site.session.start = site.session.start + timedelta(days=1)
    notify(ObjectModifiedEvent(site.session))
    transaction.commit()
    message = inbox.to("elu@example.org")[0]
    assert message["Subject"] == "Séance déplacée : Séance"
    ics = ics_of(message)
    assert "METHOD:REQUEST" in ics and "SEQUENCE:1" in ics
    assert "Nouvelle date" in message.get_body(("plain",)).get_content()
