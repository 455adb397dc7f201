"""Personal data past its DUA: what a séance's convocation recorded of each recipient (address, accusé de lecture,
presence answers). It is eliminated like a record (elimination.py: proposal, bordereau, visa, run), under the
schedule's rule "personal"; running it purges the data through convocation/purge.py, the séance itself stays."""

from collective.deliberations import _
from collective.deliberations.archives import refusals
from collective.deliberations.archives.bordereau import entry as bordereau_entry
from collective.deliberations.archives.retention import add_years
from collective.deliberations.archives.retention import closed_record
from collective.deliberations.archives.retention import hold_of
from collective.deliberations.archives.retention import start_date
from collective.deliberations.convocation.purge import personal_data_count
from plone import api


CATEGORY = "personal"


def personal_title(session):
    return f"{session.Title()} : données personnelles de la convocation"


def personal_dua_end(session, schedule):
    rule = schedule[CATEGORY]
    start = start_date(session, rule["start_event"])
    return add_years(start, rule["dua_years"]) if start else None


def check_personal(session, schedule, today):
    """Why the personal data of `session` cannot be eliminated now (an i18n message), or None."""
    title = session.Title()
    if closed_record(session) is None:
        return refusals.not_closed(title)
    if hold_of(session):
        return refusals.held(title)
    if schedule[CATEGORY]["final_action"] != "D":
        return refusals.not_destroyed(title, schedule[CATEGORY]["final_action"])
    end = personal_dua_end(session, schedule)
    if end is None or end > today:
        return refusals.dua_runs(title, end)
    if not personal_data_count(session):
        return _(
            "error_personal_none",
            default="${title}: its convocation holds no personal data (any more).",
            mapping={"title": title},
        )
    return None


def personal_entry(session, schedule):
    rule = schedule[CATEGORY]
    count = personal_data_count(session)
    what = f"{count} destinataires : adresses, accusés de lecture, réponses de présence"
    start = start_date(session, rule["start_event"])
    end = personal_dua_end(session, schedule)
    return bordereau_entry(session, personal_title(session), rule, start, end, [(what, 0)], kind=CATEGORY)


def pending_personal_data(start, end, schedule):
    """The closed séances whose personal data reaches the end of its DUA between `start` and `end`."""
    found = []
    for brain in api.content.find(portal_type="Session", review_state="closed"):
        session = brain.getObject()
        day = personal_dua_end(session, schedule)
        if day is None or not start <= day <= end or not personal_data_count(session):
            continue
        found.append((session, day))
    return sorted(found, key=lambda pair: pair[1])
