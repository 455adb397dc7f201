"""What a session gives to the archive: its ArchiveUnit tree (session → deliberations → documents) and the files.

Everything is read unrestricted: the caller has checked the archivist's permission on the session."""

from collective.deliberations.archives.identify import stored_identification
from collective.deliberations.archives.retention import category_of
from collective.deliberations.archives.retention import closed_record
from collective.deliberations.archives.retention import hold_of
from collective.deliberations.archives.retention import start_date
from collective.deliberations.archives.schedule import get_schedule
from collective.deliberations.archives.schedule import SEDA_FINAL_ACTION
from html import escape
from plone import api

import datetime
import io
import re


class Source:
    """One file to put under Content/: opened only while it is copied (never held in memory)."""

    def __init__(self, object_id, filename, opener, modified=None, owner=None, identification=None):
        self.id = object_id
        self.filename = filename
        self.open = opener
        self.modified = modified
        self.owner = owner
        self.identification = identification  # {sha512, size, puid, mime, format_name} when known


def safe_name(name):
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name or "document").strip("._") or "document"
    return name[:120]


def _rule(obj, schedule):
    category = category_of(obj)
    if category is None:
        return None
    rule = schedule[category]
    return {
        "appraisal": rule["appraisal_rule"],
        "access": rule["access_rule"],
        "start": start_date(obj, rule["start_event"]),
        "final_action": SEDA_FINAL_ACTION[rule["final_action"]],
    }


def _modified(obj):
    return obj.modified().asdatetime().replace(microsecond=0)


def _document(obj, schedule, sources):
    named = getattr(obj, "file", None)
    if named is None:
        return None
    object_id = f"BDO-{obj.UID()}"
    sources.append(
        Source(
            object_id,
            f"{obj.getId()}_{safe_name(named.filename)}",
            named.open,
            _modified(obj),
            owner=obj,
            identification=stored_identification(obj),
        )
    )
    return {
        "id": f"AU-{obj.UID()}",
        "level": "Item",
        "title": obj.Title() or named.filename,
        "document_type": getattr(obj, "document_type", None) or "annexe",
        "start": start_date(obj, "session"),
        "rule": _rule(obj, schedule),
        "objects": [object_id],
    }


def act_html(deliberation):
    """The text of the act (objet, number, exposé des motifs, dispositif) as a small XHTML page."""
    parts = [f"<h1>{escape(deliberation.Title())}</h1>"]
    if deliberation.number:
        parts.append(f"<p>N° {escape(deliberation.number)}</p>")
    for field in ("expose", "dispositif"):
        value = getattr(deliberation, field, None)
        if value is not None and getattr(value, "raw", None):
            parts.append(f"<div>{value.output or ''}</div>")
    page = "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'/><title>{}</title></head><body>{}</body></html>"
    return page.format(escape(deliberation.Title()), "".join(parts)).encode("utf-8")


def _deliberation(deliberation, schedule, sources):
    act_id = f"BDO-{deliberation.UID()}-act"
    text = act_html(deliberation)
    sources.append(
        Source(
            act_id,
            f"{safe_name(deliberation.number or deliberation.getId())}.html",
            lambda: io.BytesIO(text),
            _modified(deliberation),
            owner=deliberation,
        )
    )
    children = [_document(obj, schedule, sources) for obj in deliberation.objectValues() if obj.portal_type == "File"]
    keywords = [("subject", f"matière {deliberation.matiere}")] if deliberation.matiere else []
    keywords.append(("genreform", f"nature {deliberation.nature}"))
    return {
        "id": f"AU-{deliberation.UID()}",
        "level": "File",
        "title": deliberation.Title(),
        "identifier": deliberation.number,
        "document_type": "Délibération",
        "description": f"État : {api.content.get_state(deliberation)}",
        "keywords": keywords,
        "start": deliberation.decision_date,
        "rule": _rule(deliberation, schedule),
        "objects": [act_id],
        "children": [child for child in children if child],
    }


def session_deliberations(session):
    """The decided deliberations of the session's agenda, in the agenda's order."""
    found = []
    for item in session.agenda():
        deliberation = item.get_deliberation()
        if deliberation is not None and closed_record(deliberation) is not None:
            found.append(deliberation)
    return found


def records_of(session):
    """Every record a transfer of `session` carries: the session, its documents, its deliberations and theirs."""
    records = [session, *[obj for obj in session.objectValues() if obj.portal_type == "File"]]
    for deliberation in session_deliberations(session):
        records.append(deliberation)
        records.extend(obj for obj in deliberation.objectValues() if obj.portal_type == "File")
    return records


def collect(session, schedule=None):
    """(unit, sources) of a closed session."""
    schedule = schedule or get_schedule()
    sources = []
    documents = [_document(obj, schedule, sources) for obj in session.objectValues() if obj.portal_type == "File"]
    deliberations = [_deliberation(obj, schedule, sources) for obj in session_deliberations(session)]
    start = session.start.date() if session.start else datetime.date.today()
    unit = {
        "id": f"AU-{session.UID()}",
        "level": "RecordGrp",
        "title": f"{session.Title()} ({start.strftime('%d/%m/%Y')})",
        "identifier": session.getId(),
        "document_type": "Séance",
        "start": start,
        "rule": _rule(session, schedule),
        "children": [doc for doc in documents if doc] + deliberations,
    }
    return unit, sources


def blockers(session):
    """Why `session` cannot leave: not closed, under legal hold, already transferred (messages' raw reasons)."""
    from collective.deliberations.archives.status import archive_status

    reasons = []
    if closed_record(session) is None:
        reasons.append(("not_closed", session))
    for record in records_of(session) if not reasons else ():
        if hold_of(record):
            reasons.append(("hold", record))
            break
    if archive_status(session):
        reasons.append(("transferred", session))
    return reasons
