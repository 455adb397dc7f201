"""Validation of SEDA 2.2 messages against the official XSD (a configured directory, never the network), and the
structural checks that hold whatever the schema: references resolve, files are there with their digests."""

from collective.deliberations import _
from collective.deliberations.archives.seda import q
from functools import lru_cache
from lxml import etree
from pathlib import Path

import hashlib


MAIN = "seda-2.2-main.xsd"
W3C = {
    "http://www.w3.org/2001/xml.xsd": "xml.xsd",
    "http://www.w3.org/1999/xlink.xsd": "xlink.xsd",
}


class SchemaMissing(Exception):
    """No SEDA 2.2 schema where the settings point: nothing can be validated."""


class ManifestInvalid(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(errors[:5]))
        self.errors = errors


class _LocalW3C(etree.Resolver):
    def __init__(self, directory):
        super().__init__()
        self.directory = directory

    def resolve(self, url, public_id, context):
        if url in W3C:
            return self.resolve_filename(str(self.directory / W3C[url]), context)
        if url.startswith(("http://", "https://")):
            raise SchemaMissing(f"the schema imports {url}, which is not in {self.directory}")
        return None


@lru_cache(maxsize=4)
def load_schema(directory):
    directory = Path(directory)
    main = directory / MAIN
    missing = [name for name in (MAIN, *W3C.values()) if not (directory / name).is_file()]
    if missing:
        raise SchemaMissing(f"{', '.join(missing)} not found in {directory}")
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalW3C(directory))
    return etree.XMLSchema(etree.parse(str(main), parser))


def validate(root, directory):
    """Raise SchemaMissing or ManifestInvalid (with libxml2's messages) unless `root` is valid SEDA 2.2."""
    if directory is None:
        raise SchemaMissing("no SEDA 2.2 schema directory is configured")
    schema = load_schema(str(directory))
    if not schema.validate(root):
        raise ManifestInvalid([f"line {error.line}: {error.message}" for error in schema.error_log])


def schema_missing_message(error):
    return _(
        "error_seda_schema_missing",
        default="The SEDA 2.2 schemas are not available (${reason}): set the schema directory in the archives"
        " settings or DELIBERATIONS_SEDA_SCHEMAS. Nothing was exported.",
        mapping={"reason": str(error)},
    )


def check_structure(root, open_member=None):
    """Errors found without the XSD: the root, references to data object groups, and, when `open_member(uri)`
    gives the files, that each one is there with its size and SHA-512 digest."""
    errors = []
    if root.tag != q("ArchiveTransfer"):
        return [f"the root is {root.tag}, not a SEDA 2.2 ArchiveTransfer"]
    for name in ("Date", "MessageIdentifier", "CodeListVersions", "DataObjectPackage", "ArchivalAgency"):
        if root.find(q(name)) is None:
            errors.append(f"{name} is missing")
    groups = {element.get("id") for element in root.iter(q("DataObjectGroup"))}
    for reference in root.iter(q("DataObjectGroupReferenceId")):
        if reference.text not in groups:
            errors.append(f"ArchiveUnit refers to an unknown DataObjectGroup {reference.text}")
    if open_member is None:
        return errors
    for binary in root.iter(q("BinaryDataObject")):
        uri = binary.findtext(q("Uri"))
        expected = binary.findtext(q("MessageDigest"))
        digest, size = hashlib.sha512(), 0
        try:
            with open_member(uri) as stream:
                while chunk := stream.read(1 << 20):
                    digest.update(chunk)
                    size += len(chunk)
        except KeyError:
            errors.append(f"{uri} is missing")
            continue
        if digest.hexdigest() != expected:
            errors.append(f"{uri}: its SHA-512 digest does not match the manifest")
        if str(size) != binary.findtext(q("Size")):
            errors.append(f"{uri}: its size does not match the manifest")
    return errors
