"""What a session gives to the archive: its ArchiveUnit tree (session → deliberations → documents) and the files.

Everything is read unrestricted: the caller has checked the archivist's permission on the session."""

from collective.deliberations.archives.identify import stored_identification
from collective.deliberations.archives.pdfa import act_pdfa
from collective.deliberations.archives.pdfa import ghostscript_pdfa
from collective.deliberations.archives.pdfa import needs_pdfa_copy
from collective.deliberations.archives.retention import category_of
from collective.deliberations.archives.retention import closed_record
from collective.deliberations.archives.retention import hold_of
from collective.deliberations.archives.retention import start_date
from collective.deliberations.archives.schedule import get_schedule
from collective.deliberations.archives.schedule import SEDA_FINAL_ACTION
from collective.deliberations.richtext import safe_output
from html import escape
from plone import api

import datetime
import io
import re


class Source:
    """One file to put under Content/: opened only while it is copied (never held in memory)."""

    rendered_at_export = False  # an act with no archival copy ready (prerender.py): rendered while it is copied

    def __init__(
        self, object_id, filename, opener, modified=None, owner=None, identification=None, group=None, version=None
    ):
        self.group = group  # the DataObjectGroup, when another object's (a converted copy)
        self.version = version  # DataObjectVersion, BinaryMaster_1 by default
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
    identification = stored_identification(obj)
    sources.append(
        Source(
            object_id,
            f"{obj.getId()}_{safe_name(named.filename)}",
            named.open,
            _modified(obj),
            owner=obj,
            identification=identification,
        )
    )
    if needs_pdfa_copy(obj, identification):  # an uploaded act: its PDF/A-2b copy goes beside the original
        sources.append(
            Source(
                f"{object_id}-pdfa",
                f"{obj.getId()}_pdfa.pdf",
                lambda: ghostscript_pdfa(named),
                _modified(obj),
                group=f"GRP-{object_id}",
                version="BinaryMaster_2",
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
            parts.append(f"<div>{safe_output(value) or ''}</div>")
    page = "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'/><title>{}</title></head><body>{}</body></html>"
    return page.format(escape(deliberation.Title()), "".join(parts)).encode("utf-8")


def _deliberation(deliberation, schedule, sources):
    act_id = f"BDO-{deliberation.UID()}-act"
    pdfa = act_pdfa(deliberation)
    if pdfa is not None:  # the act as PDF/A for archiving
        filename, opener, identification, rendered_now = pdfa
    else:
        text = act_html(deliberation)
        filename, opener = f"{deliberation.number or deliberation.getId()}.html", lambda: io.BytesIO(text)
        identification, rendered_now = None, False
    source = Source(
        act_id, safe_name(filename), opener, _modified(deliberation), owner=deliberation, identification=identification
    )
    source.rendered_at_export = rendered_now  # no copy rendered ahead: the export renders it (and says so)
    sources.append(source)
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


def session_deliberations(session, only=None, pending=False):
    """The decided deliberations of the session's agenda, in the agenda's order; with `only` (UIDs), those only;
    `pending`: those that have not left yet (an act transferred alone before its séance is not carried twice)."""
    from collective.deliberations.archives.status import archive_status

    found = []
    for item in session.agenda():
        deliberation = item.get_deliberation()
        if deliberation is None or closed_record(deliberation) is None:
            continue
        if only is not None and deliberation.UID() not in only:
            continue
        if pending and only is None and archive_status(deliberation):
            continue
        found.append(deliberation)
    return found


def _files(obj):
    return [child for child in obj.objectValues() if child.portal_type == "File"]


def records_of(session, only=None, pending=False):
    """Every record a transfer of `session` carries: the session, its documents, its deliberations and theirs.
    With `only` (UIDs of deliberations): those deliberations and their documents, not the séance; `pending`: not
    the acts that have left already."""
    records = [] if only is not None else [session, *_files(session)]
    for deliberation in session_deliberations(session, only, pending):
        records.append(deliberation)
        records.extend(_files(deliberation))
    return records


def collect(session, schedule=None, only=None):
    """(unit, sources) of a closed session; with `only` (UIDs of its deliberations), the séance's unit holds
    those acts only (the tree still follows the records: séance → deliberation → documents)."""
    schedule = schedule or get_schedule()
    sources = []
    own = _files(session) if only is None else []
    documents = [_document(obj, schedule, sources) for obj in own]
    acts = session_deliberations(session, only, pending=True)
    deliberations = [_deliberation(obj, schedule, sources) for obj in acts]
    start = session.start.date() if session.start else datetime.date.today()
    unit = {
        "id": f"AU-{session.UID()}" if only is None else f"AU-{session.UID()}-acts",
        "level": "RecordGrp",
        "title": f"{session.Title()} ({start.strftime('%d/%m/%Y')})",
        "identifier": session.getId(),
        "document_type": "Séance",
        "start": start,
        "rule": _rule(session, schedule) if only is None else None,  # the séance itself does not leave
        "children": [doc for doc in documents if doc] + deliberations,
    }
    return unit, sources


def blockers(session, only=None):
    """Why `session` (or its deliberations `only`) cannot leave: not closed, under legal hold, already
    transferred (messages' raw reasons)."""
    from collective.deliberations.archives.status import archive_status

    reasons = []
    if closed_record(session) is None:
        reasons.append(("not_closed", session))
    chosen = [item.get_deliberation() for item in session.agenda()] if only else []
    for deliberation in [d for d in chosen if d is not None and d.UID() in only]:
        if closed_record(deliberation) is None:
            reasons.append(("not_decided", deliberation))
        elif archive_status(deliberation):
            reasons.append(("transferred", deliberation))
    for record in records_of(session, only, pending=True) if not reasons else ():
        if hold_of(record):
            reasons.append(("hold", record))
            break
    if only is None and archive_status(session):
        reasons.append(("transferred", session))
    return reasons


def plan(records):
    """[(session, only)] for a choice of séances and deliberations: a séance chosen whole carries all its acts
    (only None); acts chosen alone are grouped under their séance (only: their UIDs). Refused: anything else."""
    from collective.deliberations.archives.retention import session_of
    from collective.deliberations.content.deliberation import IDeliberation
    from collective.deliberations.content.session import ISession

    whole, acts, order = {}, {}, []
    for record in records:
        session = record if ISession.providedBy(record) else None
        if session is None and IDeliberation.providedBy(record):
            session = session_of(record)
        if session is None:
            return None
        key = session.UID()
        if key not in whole and key not in acts:
            order.append((key, session))
        if ISession.providedBy(record):
            whole[key] = True
        else:
            acts.setdefault(key, set()).add(record.UID())
    return [(session, None if key in whole else acts[key]) for key, session in order]
