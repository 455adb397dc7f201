"""The archive's ArchiveTransferReply: checked against the transfer it answers, then the records are "archivé"."""

from collective.deliberations import _
from collective.deliberations.archives.log import log_action
from collective.deliberations.archives.seda import q
from collective.deliberations.archives.settings import schema_directory
from collective.deliberations.archives.status import set_status
from collective.deliberations.archives.transfer import transfers
from collective.deliberations.archives.validation import ManifestInvalid
from collective.deliberations.archives.validation import validate
from lxml import etree
from plone import api

import zipfile


class ReplyRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def parse(data):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ReplyRefused(
            _("error_reply_xml", default="This file is not readable XML (${error}).", mapping={"error": str(error)})
        ) from error
    if root.tag != q("ArchiveTransferReply"):
        raise ReplyRefused(_("error_reply_kind", default="This file is not a SEDA 2.2 ArchiveTransferReply."))
    return root


def sent_digests(entry):
    """{data object id: SHA-512} of the manifest of the SIP that was sent, read back from the vault."""
    with zipfile.ZipFile(entry["file"]) as sip:
        manifest = etree.fromstring(sip.read("manifest.xml"))
    return {b.get("id"): b.findtext(q("MessageDigest")) for b in manifest.iter(q("BinaryDataObject"))}


def apply_reply(data):
    """Check the reply in `data` (bytes) and mark the transfer's records "archivé"; return the transfer's entry."""
    root = parse(data)
    directory = schema_directory()
    if directory is not None and (directory / "seda-2.2-main.xsd").is_file():
        try:
            validate(root, directory)
        except ManifestInvalid as error:
            raise ReplyRefused(
                _(
                    "error_reply_invalid",
                    default="This reply is not valid SEDA 2.2: ${errors}",
                    mapping={"errors": "; ".join(error.errors[:3])},
                )
            ) from error
    request_id = root.findtext(q("MessageRequestIdentifier")) or ""
    entry = transfers().get(request_id)
    if entry is None:
        raise ReplyRefused(
            _(
                "error_reply_unknown",
                default="This reply answers ${identifier}, a transfer this site never made.",
                mapping={"identifier": request_id},
            )
        )
    digests = sent_digests(entry)
    for binary in root.iter(q("BinaryDataObject")):
        expected = digests.get(binary.get("id"))
        received = binary.findtext(q("MessageDigest"))
        if expected is None or (received and received != expected):
            raise ReplyRefused(
                _(
                    "error_reply_digest",
                    default="The archive reports for ${object} a digest that does not match what"
                    " was sent: the reply is refused.",
                    mapping={"object": binary.get("id") or "?"},
                )
            )
    code = (root.findtext(q("ReplyCode")) or "").strip()
    reply_id = root.findtext(q("MessageIdentifier")) or ""
    if not code.upper().startswith("OK"):
        entry = {**entry, "status": "rejected", "reply": reply_id, "reply_code": code}
        transfers()[request_id] = entry
        log_action("transfer_rejected", request_id, code)
        return entry
    identifiers = {}
    for unit in root.iter(q("ArchiveUnit")):
        archive_id = unit.findtext(f"{q('Content')}/{q('ArchivalAgencyArchiveUnitIdentifier')}")
        if unit.get("id", "").startswith("AU-") and archive_id:
            identifiers[unit.get("id")[3:]] = archive_id
    for uid in entry["records"]:
        brains = api.content.find(UID=uid, unrestricted=True)
        if brains:
            record = brains[0]._unrestrictedGetObject()
            set_status(
                record, "archived", transfer_id=request_id, archive_id=identifiers.get(uid, reply_id), reply_id=reply_id
            )
    entry = {
        **entry,
        "status": "archived",
        "reply": reply_id,
        "reply_code": code,
        "grant_date": root.findtext(q("GrantDate")) or "",
    }
    transfers()[request_id] = entry
    log_action("transfer_reply", request_id, f"{code} {reply_id}")
    return entry
