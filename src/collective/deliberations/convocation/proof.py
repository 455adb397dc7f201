"""The proof of what was sent: a manifest of the recipients and of every document of the dossier (name, size,
SHA-256), stored and dated at sending and at each later change, with an RFC 3161 token when the collectivité has
a timestamping authority. The token is asked and read with `openssl ts`."""

from collective.deliberations.behaviors.document import IDocumentFlags
from collective.deliberations.convocation.settings import setting
from collective.deliberations.convocation.storage import now
from persistent.mapping import PersistentMapping

import base64
import hashlib
import json
import logging
import os
import re
import subprocess
import tempfile
import urllib.request


logger = logging.getLogger("collective.deliberations.convocation")


def dossier_documents(session):
    """The Files the officials read: the session's and its deliberations', internal ones excepted."""
    containers = [(session, "")]
    for number, item in enumerate(session.agenda(), 1):
        deliberation = item.get_deliberation()
        if deliberation is not None:
            containers.append((deliberation, f"{number}. {deliberation.Title()}"))
    documents = []
    for container, item_title in containers:
        for obj in container.objectValues():
            if obj.portal_type != "File" or getattr(obj, "file", None) is None:
                continue
            flags = IDocumentFlags(obj, None)
            if flags is not None and not flags.publishable:
                continue
            documents.append((item_title, obj))
    return documents


def _digest(blob_file):
    sha = hashlib.sha256()
    with blob_file.open() as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def manifest_data(session, convocation):
    documents = []
    for item_title, obj in dossier_documents(session):
        documents.append(
            {
                "uid": obj.UID(),
                "item": item_title,
                "title": obj.Title(),
                "filename": obj.file.filename,
                "size": obj.file.getSize(),
                "sha256": _digest(obj.file),
            }
        )
    return {
        "session": {"uid": session.UID(), "title": session.Title(), "start": session.start.isoformat()},
        "place": session.place or "",
        "agenda": [item.Title() for item in session.agenda()],
        "recipients": [
            {"userid": r.userid, "name": r.fullname, "email": r.email, "kind": r.kind} for r in convocation.all()
        ],
        "documents": documents,
    }


def changes_between(before, after):
    """What a recipient is told changed between two manifests, in French."""
    changes = []
    if before["agenda"] != after["agenda"]:
        added = [t for t in after["agenda"] if t not in before["agenda"]]
        removed = [t for t in before["agenda"] if t not in after["agenda"]]
        changes += [f"Point ajouté à l'ordre du jour : {t}" for t in added]
        changes += [f"Point retiré de l'ordre du jour : {t}" for t in removed]
        if not added and not removed:
            changes.append("L'ordre du jour a été réordonné.")
    old = {d["uid"]: d for d in before["documents"]}
    new = {d["uid"]: d for d in after["documents"]}
    for uid, document in new.items():
        if uid not in old:
            changes.append(f"Document ajouté : {document['title']} ({document['filename']})")
        elif old[uid]["sha256"] != document["sha256"]:
            changes.append(f"Document remplacé : {document['title']} ({document['filename']})")
    changes += [f"Document retiré : {d['title']}" for uid, d in old.items() if uid not in new]
    return changes


def record_manifest(session, convocation, reason, force=False):
    """Store a new manifest (when something changed, or `force`d: a new recipient); return (manifest, changes since
    the previous one)."""
    data = manifest_data(session, convocation)
    previous = convocation.manifests[-1] if convocation.manifests else None
    changes = changes_between(json.loads(previous["json"]), data) if previous else []
    if previous is not None and not changes and not force:
        return previous, []
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    manifest = stamped(payload, reason=reason, changes=changes)
    convocation.manifests.append(manifest)
    return manifest, changes


def stamped(payload, **fields):
    """A proof record of `payload` (bytes): its text, SHA-256, time, and the RFC 3161 token of the collectivité's
    timestamping authority when it has one (its error otherwise)."""
    record = PersistentMapping(
        {
            "at": now(),
            "json": payload.decode("utf-8"),
            "sha256": hashlib.sha256(payload).hexdigest(),
            "tsa_url": "",
            "tsa_token": None,
            "tsa_time": None,
            "tsa_error": None,
            **fields,
        }
    )
    url = setting("tsa_url")
    if url:
        record["tsa_url"] = url
        try:
            token, gen_time = timestamp(payload, url)
            record["tsa_token"], record["tsa_time"] = base64.b64encode(token).decode("ascii"), gen_time
        except (OSError, subprocess.CalledProcessError, ValueError) as error:
            record["tsa_error"] = f"{type(error).__name__}: {error}"
            logger.warning("timestamping authority %s: %s", url, error)
    return record


def record_reading_proof(session, convocation, recipient):
    """The accusé de lecture as a proof: what was recorded (who, when, how, on which kind of device, against the
    last manifest of the dossier), dated like the manifests."""
    last = convocation.manifests[-1] if convocation.manifests else None
    data = {
        "event": "ouverture du dossier par le lecteur",
        "session": session.UID(),
        "recipient": recipient.userid,
        "at": recipient.first_opened_at.isoformat(),
        "by": recipient.first_opened_by,
        "device": recipient.first_opened_device,
        "manifest_sha256": last["sha256"] if last is not None else None,
    }
    recipient.reading_proof = stamped(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return recipient.reading_proof


def _openssl(*args, data=None):
    return subprocess.run(["openssl", "ts", *args], input=data, capture_output=True, check=True).stdout


def timestamp(payload, url, timeout=20):
    """(DER token, its genTime as text) from the RFC 3161 authority at `url` for the SHA-256 of `payload`."""
    with tempfile.TemporaryDirectory() as tmp:
        data_path = os.path.join(tmp, "manifest.json")
        with open(data_path, "wb") as stream:
            stream.write(payload)
        query = _openssl("-query", "-data", data_path, "-sha256", "-cert")
        request = urllib.request.Request(url, data=query, headers={"Content-Type": "application/timestamp-query"})
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (the collectivité's URL)
            reply = response.read()
        reply_path = os.path.join(tmp, "reply.tsr")
        with open(reply_path, "wb") as stream:
            stream.write(reply)
        text = _openssl("-reply", "-in", reply_path, "-text").decode("utf-8", "replace")
        if "Status: Granted" not in text:
            raise ValueError(f"timestamp refused: {text.splitlines()[:3]}")
        token = _openssl("-reply", "-in", reply_path, "-token_out")
        found = re.search(r"Time stamp: (.+)", text)
        return token, found.group(1).strip() if found else None
