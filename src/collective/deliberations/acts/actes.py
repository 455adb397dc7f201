"""@ctes: the transmission package of an adopted act for a tiers de télétransmission, the préfecture's
acknowledgement (ARActe), and whether the act is exécutoire.

The package is a tar.gz holding the ACTES message ``DDD-SIREN-YYYYMMDD-NUMBER-NA-1-1_0.xml`` (namespace
ACTES v1.1-20040216, ISO-8859-1), the act itself as ``99_DE-..._1.pdf`` and its annexes as ``99_AU-..._2.pdf``...:
each file name starts with the code of its typology (the Collectivité settings, by nature of act).

An act not subject to legality control has no package: it is exécutoire once published. An individual decision
(nature 3) is notified instead of published: exécutoire once notified (and acknowledged when transmitted).
"""

from collective.deliberations import _
from collective.deliberations.collectivite import get_settings
from collective.deliberations.controlpanels.collectivite import ACTES_NUMBER
from collective.deliberations.validation import refuse
from DateTime import DateTime
from lxml import etree
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

import datetime
import io
import re
import tarfile


NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216"
A = f"{{{NS}}}"
NATURE_ABBREVIATIONS = {"1": "DE", "2": "AR", "3": "AI", "4": "CC", "5": "BF", "6": "AU"}
KEY = "collective.deliberations.actes"
DONE = ("adopted", "published")


INDIVIDUAL = "3"


def classification_date(settings=None):
    """The date of the version of the classification (matières) the collectivité uses (its settings)."""
    return (settings or get_settings()).actes_classification_date or datetime.date(2019, 8, 29)


def typology(nature, settings=None):
    """The typology code that prefixes a file name: the act's by its nature, or "annexe"."""
    lines = (settings or get_settings()).actes_typologies or ()
    codes = dict(line.split(":", 1) for line in lines if ":" in line)
    return codes.get(nature) or ("99_AU" if nature == "annexe" else f"99_{NATURE_ABBREVIATIONS[nature]}")


def _documents(deliberation):
    files = [obj for obj in deliberation.objectValues() if obj.portal_type == "File"]
    main = [f for f in files if getattr(f, "document_type", None) == "acte"]
    annexes = [
        f
        for f in files
        if getattr(f, "document_type", None) == "annexe"
        and getattr(f, "publishable", True)
        and not getattr(f, "confidential", False)
    ]
    return main, annexes


def _pdf(file_obj):
    data = file_obj.file.data if file_obj.file is not None else b""
    if not data.startswith(b"%PDF"):
        refuse(
            _(
                "seance_actes_not_pdf",
                default="« ${title} » is not a PDF: @ctes takes PDF files only.",
                mapping={"title": file_obj.Title()},
            )
        )
    return data


def base_name(deliberation, settings=None):
    settings = settings or get_settings()
    return "-".join(
        (
            settings.departement.zfill(3),
            settings.siren,
            deliberation.decision_date.strftime("%Y%m%d"),
            deliberation.number,
            NATURE_ABBREVIATIONS[deliberation.nature],
            "1-1",
        )
    )


def check(deliberation):
    settings = get_settings()
    if api.content.get_state(deliberation) not in DONE or not deliberation.number:
        refuse(_("seance_actes_not_adopted", default="Only an adopted, numbered act is sent to the préfecture."))
    if not subject_to_control(deliberation):
        refuse(
            _(
                "seance_actes_not_subject",
                default="This act is not subject to legality control: it is not sent to the préfecture.",
            )
        )
    if not ACTES_NUMBER.match(deliberation.number):
        refuse(
            _(
                "seance_actes_bad_number",
                default="The number ${number} is not accepted by @ctes.",
                mapping={"number": deliberation.number},
            )
        )
    if not settings.siren or not settings.departement:
        refuse(
            _(
                "seance_actes_no_siren",
                default="Give the SIREN and the département of the collectivité in its control panel first.",
            )
        )
    main, annexes = _documents(deliberation)
    if len(main) != 1:
        refuse(_("seance_actes_no_main", default="Attach the signed act as one PDF document of type « Signed act »."))
    return settings, main[0], annexes


def message(deliberation, main_name, annex_names, settings=None):
    """The ACTES XML message (bytes, ISO-8859-1)."""
    root = etree.Element(
        A + "Acte",
        nsmap={"actes": NS, "insee": "http://xml.insee.fr/schema", "xsi": "http://www.w3.org/2001/XMLSchema-instance"},
    )
    root.set("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation", f"{NS} actesv1_1.xsd")
    root.set(A + "Date", deliberation.decision_date.isoformat())
    root.set(A + "NumeroInterne", deliberation.number)
    root.set(A + "CodeNatureActe", deliberation.nature)
    for level, code in enumerate(deliberation.matiere.split("."), 1):
        etree.SubElement(root, f"{A}CodeMatiere{level}").set(A + "CodeMatiere", code)
    etree.SubElement(root, A + "Objet").text = deliberation.title
    etree.SubElement(root, A + "ClassificationDateVersion").text = classification_date(settings).isoformat()
    document = etree.SubElement(root, A + "Document")
    etree.SubElement(document, A + "NomFichier").text = main_name
    annexes = etree.SubElement(root, A + "Annexes")
    annexes.set(A + "Nombre", str(len(annex_names)))
    for name in annex_names:
        etree.SubElement(etree.SubElement(annexes, A + "Annexe"), A + "NomFichier").text = name
    etree.SubElement(root, A + "DocumentPapier").text = "N"
    return etree.tostring(root, xml_declaration=True, encoding="ISO-8859-1", pretty_print=True)


def package(deliberation):
    """(file name, tar.gz bytes) of the transmission package."""
    settings, main, annexes = check(deliberation)
    base = base_name(deliberation, settings)
    act, annex = typology(deliberation.nature, settings), typology("annexe", settings)
    files = [(f"{act}-{base}_1.pdf", _pdf(main))]
    files += [(f"{annex}-{base}_{n}.pdf", _pdf(document)) for n, document in enumerate(annexes, 2)]
    names = [name for name, _data in files]
    files.insert(0, (f"{base}_0.xml", message(deliberation, names[0], names[1:], settings)))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = int(DateTime().timeTime())
            tar.addfile(info, io.BytesIO(data))
    return f"{base}.tar.gz", buffer.getvalue()


def acknowledgement(deliberation):
    return IAnnotations(deliberation).get(KEY)


def record_acknowledgement(deliberation, xml):
    """Read an ARActe (accusé de réception of the préfecture) and keep its identifier and date on the act."""
    if isinstance(xml, str):  # text already decoded: its declared encoding no longer applies
        xml = re.sub(r"^\s*<\?xml[^>]*\?>", "", xml).encode("utf-8")
    try:
        root = etree.fromstring(xml)
    except (etree.XMLSyntaxError, ValueError):
        refuse(_("seance_actes_ar_unreadable", default="This is not an ARActe XML message of @ctes."))
    received = root.find(A + "ActeRecu")
    if root.tag != A + "ARActe" or received is None or not root.get(A + "IDActe"):
        refuse(_("seance_actes_ar_unreadable", default="This is not an ARActe XML message of @ctes."))
    number = received.get(A + "NumeroInterne")
    if number != deliberation.number:
        refuse(
            _(
                "seance_actes_ar_other_act",
                default="This acknowledgement is for act ${other}, not for ${number}.",
                mapping={"other": str(number), "number": str(deliberation.number)},
            )
        )
    try:
        date = datetime.date.fromisoformat(root.get(A + "DateReception", ""))
    except ValueError:
        refuse(_("seance_actes_ar_unreadable", default="This is not an ARActe XML message of @ctes."))
    ack = PersistentMapping(identifier=root.get(A + "IDActe"), date=date.isoformat())
    IAnnotations(deliberation)[KEY] = ack
    return ack


def _act_record(deliberation):
    """What the secretariat records on the act besides the acknowledgement: control, notification."""
    annotations = IAnnotations(deliberation)
    return annotations.setdefault(f"{KEY}.act", PersistentMapping())


def subject_to_control(deliberation):
    return IAnnotations(deliberation).get(f"{KEY}.act", {}).get("subject_to_control", True)


def set_subject_to_control(deliberation, subject):
    _act_record(deliberation)["subject_to_control"] = bool(subject)


def notification(deliberation):
    return IAnnotations(deliberation).get(f"{KEY}.act", {}).get("notified")


def record_notification(deliberation, day):
    """The date an individual decision was notified to the person it concerns."""
    if deliberation.nature != INDIVIDUAL:
        refuse(_("seance_actes_notify_individual", default="Only an individual decision (nature 3) is notified."))
    if api.content.get_state(deliberation) not in DONE:
        refuse(_("seance_actes_notify_adopted", default="An act is notified once adopted."))
    try:
        day = day if isinstance(day, datetime.date) else datetime.date.fromisoformat(str(day or ""))
    except ValueError:
        refuse(_("seance_actes_notify_date", default="Give the date of notification as YYYY-MM-DD."))
    if day > datetime.date.today() or (deliberation.decision_date and day < deliberation.decision_date):
        refuse(_("seance_actes_notify_when", default="The notification is dated between the decision and today."))
    _act_record(deliberation)["notified"] = day.isoformat()
    return day


def is_executoire(deliberation):
    """Published, or notified for an individual decision; and acknowledged by the préfecture when subject to
    legality control."""
    if deliberation.nature == INDIVIDUAL:
        made_known = api.content.get_state(deliberation) in DONE and notification(deliberation) is not None
    else:
        made_known = api.content.get_state(deliberation) == "published"
    return made_known and (not subject_to_control(deliberation) or acknowledgement(deliberation) is not None)
