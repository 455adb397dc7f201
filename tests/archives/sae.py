"""A small archive system (SAE) for the tests: it reads a SIP as as@lae would, checks it, and answers with an
ArchiveTransferReply giving each ArchiveUnit an archive identifier."""

from lxml import etree

import copy
import datetime
import hashlib
import zipfile


NS = "fr:gouv:culture:archivesdefrance:seda:v2.2"


def q(name):
    return f"{{{NS}}}{name}"


def receive(manifest_bytes, files):
    """Check what arrived: every file named by the manifest, with its SHA-512. `files`: {uri or name: bytes}."""
    manifest = etree.fromstring(manifest_bytes)
    problems = []
    for binary in manifest.iter(q("BinaryDataObject")):
        uri = binary.findtext(q("Uri"))
        data = files.get(uri)
        if data is None:
            problems.append(f"{uri} missing")
        elif hashlib.sha512(data).hexdigest() != binary.findtext(q("MessageDigest")):
            problems.append(f"{uri} digest")
    return manifest, problems


def reply_for(manifest, code="OK", request_id=None, tamper=None):
    """The ArchiveTransferReply of the archive to `manifest` (an element)."""
    root = etree.Element(q("ArchiveTransferReply"), nsmap={None: NS})
    for name, text in (
        ("Date", datetime.datetime.now().replace(microsecond=0).isoformat()),
        ("MessageIdentifier", "AD034-REPLY-0001"),
    ):
        etree.SubElement(root, q(name)).text = text
    etree.SubElement(root, q("ArchivalAgreement")).text = manifest.findtext(q("ArchivalAgreement"))
    root.append(copy.deepcopy(manifest.find(q("CodeListVersions"))))
    package = copy.deepcopy(manifest.find(q("DataObjectPackage")))
    for number, unit in enumerate(package.iter(q("ArchiveUnit")), 1):
        title = unit.find(f"{q('Content')}/{q('Title')}")
        identifier = etree.Element(q("ArchivalAgencyArchiveUnitIdentifier"))
        identifier.text = f"FRAD034_{number:06d}"
        title.addnext(identifier)
    if tamper:
        next(package.iter(q("MessageDigest"))).text = "0" * 128
    root.append(package)
    etree.SubElement(root, q("ReplyCode")).text = code
    etree.SubElement(root, q("MessageRequestIdentifier")).text = request_id or manifest.findtext(q("MessageIdentifier"))
    etree.SubElement(root, q("GrantDate")).text = datetime.datetime.now().replace(microsecond=0).isoformat()
    for name in ("ArchivalAgency", "TransferringAgency"):
        root.append(copy.deepcopy(manifest.find(q(name))))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def manifest_of(sip_path):
    with zipfile.ZipFile(sip_path) as sip:
        return etree.fromstring(sip.read("manifest.xml"))
