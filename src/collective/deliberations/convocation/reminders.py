"""The reminder a configurable number of days before each convened session, sent once per session.

@@convocation-rappels (Manager, on the site) sends those due today on a POST: call it daily, for example from cron
with `curl -u admin:... -X POST http://127.0.0.1:8080/Plone/@@convocation-rappels`. Opening the page sends nothing.
"""

from collective.deliberations.convocation.sending import queue
from collective.deliberations.convocation.sending import send_after_commit
from collective.deliberations.convocation.settings import setting
from collective.deliberations.convocation.storage import get_convocation
from collective.deliberations.convocation.storage import now
from datetime import date
from plone import api


def due_sessions(today=None):
    days = setting("reminder_days")
    if not days:
        return []
    today = today or date.today()
    sessions = []
    for brain in api.content.find(portal_type="Session", review_state="convened", unrestricted=True):
        session = brain._unrestrictedGetObject()
        convocation = get_convocation(session)
        if convocation is None or convocation.reminded_at is not None or session.start is None:
            continue
        if 0 <= (session.start.date() - today).days <= days:
            sessions.append(session)
    return sessions


def send_reminders(today=None):
    """Queue the reminders due; return the sessions reminded."""
    sessions = due_sessions(today)
    for session in sessions:
        convocation = get_convocation(session)
        convocation.reminded_at = now()
        for recipient in convocation.all():
            if recipient.status not in ("invalid", "paper"):  # no address to write to
                queue(session, recipient, "reminder")
        send_after_commit(session)
    return sessions
