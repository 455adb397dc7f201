"""The SEDA 2.2 ArchiveTransfer manifest, built from plain data (no Plone here): units and binary data objects.

A unit is a dict: id, level (RecordGrp, File, Item), title, description, identifier, document_type, keywords
[(type, text)], start/end dates, rule {appraisal, access, start, final_action}, objects [object ids], children.
An object is a dict: id, uri, digest, size, mime, puid, format_name, filename, modified, and optionally group (the
id of another object's DataObjectGroup) and version (DataObjectVersion, BinaryMaster_1 by default)."""

from lxml import etree


SEDA_NS = "fr:gouv:culture:archivesdefrance:seda:v2.2"
XLINK_NS = "http://www.w3.org/1999/xlink"
NSMAP = {None: SEDA_NS, "xlink": XLINK_NS}
CODE_LISTS = (
    ("ReplyCodeListVersion", "ReplyCodeListVersion0"),
    ("MessageDigestAlgorithmCodeListVersion", "MessageDigestAlgorithmCodeListVersion0"),
    ("MimeTypeCodeListVersion", "MimeTypeCodeListVersion0"),
    ("EncodingCodeListVersion", "EncodingCodeListVersion0"),
    ("FileFormatCodeListVersion", "PRONOM"),
    ("CompressionAlgorithmCodeListVersion", "CompressionAlgorithmCodeListVersion0"),
    ("DataObjectVersionCodeListVersion", "DataObjectVersionCodeListVersion0"),
    ("StorageRuleCodeListVersion", "StorageRuleCodeListVersion0"),
    ("AppraisalRuleCodeListVersion", "AppraisalRuleCodeListVersion0"),
    ("AccessRuleCodeListVersion", "AccessRuleCodeListVersion0"),
    ("DisseminationRuleCodeListVersion", "DisseminationRuleCodeListVersion0"),
    ("ReuseRuleCodeListVersion", "ReuseRuleCodeListVersion0"),
    ("ClassificationRuleCodeListVersion", "ClassificationRuleCodeListVersion0"),
    ("HoldRuleCodeListVersion", "HoldRuleCodeListVersion0"),
    ("AuthorizationReasonCodeListVersion", "AuthorizationReasonCodeListVersion0"),
    ("RelationshipCodeListVersion", "RelationshipCodeListVersion0"),
)


def q(name):
    return f"{{{SEDA_NS}}}{name}"


def sub(parent, name, text=None, **attributes):
    element = etree.SubElement(parent, q(name), **attributes)
    if text is not None:
        element.text = str(text)
    return element


def _rules(parent, rule):
    management = sub(parent, "Management")
    appraisal = sub(management, "AppraisalRule")
    sub(appraisal, "Rule", rule["appraisal"])
    if rule.get("start"):
        sub(appraisal, "StartDate", rule["start"].isoformat())
    sub(appraisal, "FinalAction", rule["final_action"])
    access = sub(management, "AccessRule")
    sub(access, "Rule", rule["access"])
    if rule.get("start"):
        sub(access, "StartDate", rule["start"].isoformat())


def _unit(parent, unit, originating_agency):
    element = sub(parent, "ArchiveUnit", id=unit["id"])
    if unit.get("rule"):
        _rules(element, unit["rule"])
    content = sub(element, "Content")
    sub(content, "DescriptionLevel", unit["level"])
    sub(content, "Title", unit["title"] or unit["id"])
    if unit.get("identifier"):
        sub(content, "OriginatingAgencyArchiveUnitIdentifier", unit["identifier"])
    if unit.get("description"):
        sub(content, "Description", unit["description"])
    if unit.get("document_type"):
        sub(content, "DocumentType", unit["document_type"])
    sub(content, "Language", "fr")
    for keyword_type, text in unit.get("keywords", ()):
        keyword = sub(content, "Keyword")
        sub(keyword, "KeywordContent", text)
        sub(keyword, "KeywordType", keyword_type)
    agency = sub(content, "OriginatingAgency")
    sub(agency, "Identifier", originating_agency)
    if unit.get("start"):
        sub(content, "StartDate", unit["start"].isoformat())
    if unit.get("end") or unit.get("start"):
        sub(content, "EndDate", (unit.get("end") or unit["start"]).isoformat())
    for object_id in unit.get("objects", ()):
        reference = sub(element, "DataObjectReference")
        sub(reference, "DataObjectGroupReferenceId", f"GRP-{object_id}")
    for child in unit.get("children", ()):
        _unit(element, child, originating_agency)
    return element


def _binary(group, obj):
    binary = sub(group, "BinaryDataObject", id=obj["id"])
    sub(binary, "DataObjectVersion", obj.get("version") or "BinaryMaster_1")
    sub(binary, "Uri", obj["uri"])
    sub(binary, "MessageDigest", obj["digest"], algorithm="SHA-512")
    sub(binary, "Size", obj["size"])
    identification = sub(binary, "FormatIdentification")
    if obj.get("format_name"):
        sub(identification, "FormatLitteral", obj["format_name"])
    if obj.get("mime"):
        sub(identification, "MimeType", obj["mime"])
    if obj.get("puid"):
        sub(identification, "FormatId", obj["puid"])
    info = sub(binary, "FileInfo")
    sub(info, "Filename", obj["filename"])
    if obj.get("modified"):
        sub(info, "LastModified", obj["modified"].isoformat(timespec="seconds"))


def build_manifest(message):
    """The ArchiveTransfer element of `message`: identifier, date, comment, agreement, archival_agency,
    transferring_agency, originating_agency, objects [...], units [...]."""
    root = etree.Element(q("ArchiveTransfer"), nsmap=NSMAP)
    sub(root, "Comment", message["comment"])
    sub(root, "Date", message["date"].isoformat(timespec="seconds"))
    sub(root, "MessageIdentifier", message["identifier"])
    sub(root, "ArchivalAgreement", message["agreement"])
    code_lists = sub(root, "CodeListVersions")
    for name, value in CODE_LISTS:
        sub(code_lists, name, value)
    package = sub(root, "DataObjectPackage")
    groups = {}  # an object's group is GRP-<its id>, or the group it names (a converted copy beside its original)
    for obj in message["objects"]:
        groups.setdefault(obj.get("group") or f"GRP-{obj['id']}", []).append(obj)
    for group_id, members in groups.items():
        group = sub(package, "DataObjectGroup", id=group_id)
        for obj in members:
            _binary(group, obj)
    descriptive = sub(package, "DescriptiveMetadata")
    for unit in message["units"]:
        _unit(descriptive, unit, message["originating_agency"])
    management = sub(package, "ManagementMetadata")
    sub(management, "AcquisitionInformation", "Versement")
    sub(management, "LegalStatus", "Public Archive")
    sub(management, "OriginatingAgencyIdentifier", message["originating_agency"])
    sub(management, "SubmissionAgencyIdentifier", message["transferring_agency"])
    for agency_name in ("ArchivalAgency", "TransferringAgency"):
        agency = sub(root, agency_name)
        sub(
            agency,
            "Identifier",
            message["archival_agency" if agency_name == "ArchivalAgency" else "transferring_agency"],
        )
    return root


def serialize(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
