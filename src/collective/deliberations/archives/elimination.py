"""Eliminations: proposed by the archivist (bordereau), given the visa of the archives administration, then run.
Without a visa nothing is destroyed; until it runs it can be cancelled; the bordereau is kept forever. Running it
removes the records' documents and texts and leaves each record as a tombstone (title, number, dates, status)."""

from BTrees.OOBTree import OOBTree
from collective.deliberations import _
from collective.deliberations.archives import refusals
from collective.deliberations.archives.bordereau import entry as bordereau_entry
from collective.deliberations.archives.bordereau import lines_of
from collective.deliberations.archives.bordereau import pdf
from collective.deliberations.archives.log import log_action
from collective.deliberations.archives.personal import check_personal
from collective.deliberations.archives.personal import personal_entry
from collective.deliberations.archives.retention import category_of
from collective.deliberations.archives.retention import closed_record
from collective.deliberations.archives.retention import dua_end
from collective.deliberations.archives.retention import hold_of
from collective.deliberations.archives.retention import start_date
from collective.deliberations.archives.schedule import get_schedule
from collective.deliberations.archives.status import archive_status
from collective.deliberations.archives.status import set_status
from collective.deliberations.collectivite import get_settings as collectivite_settings
from collective.deliberations.content.deliberation import IDeliberation
from collective.deliberations.convocation.purge import purge_personal_data
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations

import datetime
import uuid


KEY = "collective.deliberations.archives.eliminations"


class EliminationRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def eliminations(create=False):
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations and create:
        annotations[KEY] = OOBTree()
    return annotations.get(KEY, {})


def get(identifier):
    proposal = eliminations().get(identifier)
    if proposal is None:
        raise EliminationRefused(
            _("error_elimination_unknown", default="No such elimination: ${id}.", mapping={"id": identifier})
        )
    return proposal


def _now():
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _size(obj):
    named = getattr(obj, "file", None)
    return named.getSize() if named is not None else 0


def _check(record, today):
    title = record.Title()
    if closed_record(record) is None:
        return refusals.not_closed(title)
    if hold_of(record):
        return refusals.held(title)
    if archive_status(record):
        return _(
            "error_elim_status",
            default="${title} has already left (transferred, archived or eliminated).",
            mapping={"title": title},
        )
    rule = get_schedule()[category_of(record)]
    if rule["final_action"] != "D":
        return refusals.not_destroyed(title, rule["final_action"])
    end = dua_end(record)
    if end is None or end > today:
        return refusals.dua_runs(title, end)
    return None


def doomed_documents(record, schedule):
    """The documents an elimination of `record` destroys: all those of a deliberation; of a séance, those whose
    own rule says D (the convocation goes, the procès-verbal and the list of deliberations, kept, stay)."""
    files = [obj for obj in record.objectValues() if getattr(obj, "portal_type", None) == "File"]
    if IDeliberation.providedBy(record):
        return files
    return [obj for obj in files if schedule[category_of(obj)]["final_action"] == "D"]


def _entry(record, schedule):
    category = category_of(record)
    rule = schedule[category]
    documents = [(doc.Title(), _size(doc)) for doc in doomed_documents(record, schedule)]
    start = start_date(record, rule["start_event"])
    return bordereau_entry(record, record.Title(), rule, start, dua_end(record, schedule), documents)


def propose(records, title, personal=()):
    """A proposal of elimination of `records` (deliberations or sessions whose DUA has ended, final disposition D)
    and of the personal data of the convocations of the séances `personal` (personal.py)."""
    today = datetime.date.today()
    schedule = get_schedule()
    problems = [message for record in records if (message := _check(record, today))]
    problems += [message for session in personal if (message := check_personal(session, schedule, today))]
    if not (records or personal) or problems:
        raise EliminationRefused(
            problems[0] if problems else _("error_elim_empty", default="Choose what to eliminate.")
        )
    entries = [_entry(record, schedule) for record in records]
    entries += [personal_entry(session, schedule) for session in personal]
    settings = collectivite_settings()
    proposal = PersistentMapping(
        id=f"ELIM-{datetime.date.today():%Y%m%d}-{uuid.uuid4().hex[:6]}",
        title=title or "Élimination",
        created=_now(),
        user=api.user.get_current().getId(),
        collectivite=settings.name or "",
        siren=settings.siren or "",
        records=entries,
        volume=sum(entry["volume"] for entry in entries),
        status="proposed",
        visa=None,
    )
    proposal["bordereau"] = NamedBlobFile(
        pdf("Bordereau d'élimination", lines_of(proposal)),
        contentType="application/pdf",
        filename=f"{proposal['id']}.pdf",
    )
    eliminations(create=True)[proposal["id"]] = proposal
    log_action("elimination_proposed", proposal["id"], ", ".join(entry["path"] for entry in entries))
    return proposal


def _visa_day(date):
    try:
        day = datetime.date.fromisoformat(str(date))
    except ValueError as error:
        raise EliminationRefused(_("error_dashboard_dates", default="Dates are written YYYY-MM-DD.")) from error
    if day > datetime.date.today():
        raise EliminationRefused(_("error_visa_future", default="A visa is not dated in the future."))
    return day


def _check_visa(proposal, data):
    """The visa is the signed bordereau, a PDF (read from its first bytes, whatever its name says), and it comes
    from the archives administration: whoever records it is not the archivist who proposed the elimination."""
    if not data.startswith(b"%PDF-"):
        raise EliminationRefused(_("error_visa_not_pdf", default="The signed bordereau is a PDF file."))
    if api.user.get_current().getId() == proposal["user"]:
        raise EliminationRefused(
            _(
                "error_visa_by_proposer",
                default="The visa is recorded by someone else than the archivist who proposed the elimination.",
            )
        )


def record_visa(identifier, authority, date, reference, data, filename):
    proposal = get(identifier)
    if proposal["status"] not in ("proposed", "visaed"):
        raise EliminationRefused(
            _("error_elim_state", default="This elimination is ${status}.", mapping={"status": proposal["status"]})
        )
    if not (authority or "").strip() or not (reference or "").strip() or not data:
        raise EliminationRefused(
            _(
                "error_visa_fields",
                default="A visa needs the authority, its date, its reference and the signed bordereau.",
            )
        )
    day = _visa_day(date)
    _check_visa(proposal, data)
    proposal["visa"] = {
        "authority": authority.strip(),
        "date": day.isoformat(),
        "reference": reference.strip(),
        "file": NamedBlobFile(data, filename=filename or "visa.pdf"),
        "recorded": _now(),
        "user": api.user.get_current().getId(),
    }
    proposal["status"] = "visaed"
    log_action("elimination_visa", identifier, f"{authority} {reference} {day}")
    return proposal


def cancel(identifier):
    proposal = get(identifier)
    if proposal["status"] in ("done", "cancelled"):
        raise EliminationRefused(
            _("error_elim_state", default="This elimination is ${status}.", mapping={"status": proposal["status"]})
        )
    proposal["status"] = "cancelled"
    log_action("elimination_cancelled", identifier)
    return proposal


def _tombstone(record, identifier, schedule):
    """Remove the documents and texts of `record` its rules destroy; keep its title, number, dates and the
    elimination's id."""
    _remove(record, doomed_documents(record, schedule))
    set_status(record, "eliminated", elimination_id=identifier)
    record.reindexObject()


def _remove(record, documents):
    for document in documents:
        record._delObject(document.getId())
    if IDeliberation.providedBy(record):
        record.expose = record.dispositif = None


def strip(record):
    """Remove the documents and texts of `record` (its own Files; a versé record's lock does not stop this)."""
    _remove(record, [obj for obj in record.objectValues() if getattr(obj, "portal_type", None) == "File"])


def run(identifier):
    proposal = get(identifier)
    if proposal["status"] != "visaed":
        raise EliminationRefused(
            _("error_elim_no_visa", default="Without the visa of the archives administration, nothing is destroyed.")
        )
    records = []
    for entry in proposal["records"]:
        brains = api.content.find(UID=entry["uid"], unrestricted=True)
        if not brains:
            continue
        record = brains[0]._unrestrictedGetObject()
        if hold_of(record):  # a hold placed after the visa still stops everything
            raise EliminationRefused(refusals.held(record.Title()))
        records.append((record, entry.get("kind")))
    schedule = get_schedule()
    for record, kind in records:  # a session's deliberations follow their own rule: only its own documents go
        if kind == "personal":
            purge_personal_data(record)  # the séance stays; its convocation keeps no personal data
        else:
            _tombstone(record, identifier, schedule)
    proposal["status"] = "done"
    proposal["run"] = {"date": _now(), "user": api.user.get_current().getId()}
    log_action("elimination_run", identifier, ", ".join(entry["path"] for entry in proposal["records"]))
    return proposal


def summary(proposal):
    visa = proposal.get("visa")
    return {
        "id": proposal["id"],
        "title": proposal["title"],
        "created": proposal["created"],
        "user": proposal["user"],
        "status": proposal["status"],
        "volume": proposal["volume"],
        "records": list(proposal["records"]),
        "visa": {key: value for key, value in visa.items() if key != "file"} if visa else None,
        "run": dict(proposal.get("run") or {}) or None,
    }
