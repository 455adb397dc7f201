"""The séances as OParl meetings (OParl 1.1, 3.5 Meeting, 3.6 AgendaItem, 3.12 Location): only those the public
portal shows, a séance of an assembly convened, held or closed, not in huis clos (L2121-18 CGCT), never a commission's
(security/disclosure.py). An agenda item in huis clos gives its objet (public once convened, L2121-10) and nothing
else: no result, no resolution, no file."""

from collective.deliberations.oparl.common import as_anonymous
from collective.deliberations.oparl.common import base
from collective.deliberations.oparl.common import iso
from collective.deliberations.oparl.common import search
from collective.deliberations.oparl.common import url
from collective.deliberations.oparl.files import file_data
from collective.deliberations.oparl.files import session_files
from collective.deliberations.oparl.public import is_published
from collective.deliberations.oparl.public import STATES
from collective.deliberations.oparl.public import visible_items
from collective.deliberations.oparl.urls import agenda_item_url
from collective.deliberations.oparl.urls import consultation_url
from collective.deliberations.oparl.urls import meeting_url
from collective.deliberations.oparl.urls import organization_url
from collective.deliberations.security.disclosure import is_huis_clos
from collective.deliberations.security.disclosure import session_is_public
from plone import api


def location(session):
    if not session.place:
        return None
    return base("Location", url("location", session.UID()), description=session.place, meetings=[meeting_url(session)])


def meeting(session):

    return base(
        "Meeting",
        meeting_url(session),
        session,
        name=session.Title(),
        meetingState=STATES.get(api.content.get_state(session, default=None)),
        start=iso(session.start),
        location=location(session),
        organization=[organization_url(session.aq_parent)],
        agendaItem=[agenda_item(item) for item in visible_items(session)],
        auxiliaryFile=[file_data(document) for document in session_files(session)],
    )


def deliberation_of(item):
    uid = getattr(item, "deliberation", None)
    found = api.content.find(UID=uid, unrestricted=True) if uid else []
    return found[0]._unrestrictedGetObject() if found else None


def agenda_item(item):
    """The item of the agenda; its act (Paper) once published, through a consultation."""

    session = item.aq_parent
    deliberation = deliberation_of(item)
    closed = deliberation is not None and is_huis_clos(deliberation)
    published = deliberation is not None and not closed and is_published(deliberation)
    return base(
        "AgendaItem",
        agenda_item_url(item),
        item,
        meeting=meeting_url(session),
        number=str(session.agenda().index(item) + 1),
        order=session.agenda().index(item) + 1,
        name=deliberation.Title() if deliberation is not None else item.Title(),
        public=not closed,
        consultation=consultation_url(deliberation) if published else None,
    )


def agenda_item_brains(**query):
    """The agenda items of the public séances, as listed on their meetings."""
    brains = search(portal_type="AgendaItem", sort_on="modified", sort_order="descending", **query)
    with as_anonymous():
        return [brain for brain in brains if is_listed(brain.getObject())]


def is_listed(item):
    session = item.aq_parent
    return (
        api.content.get_state(session, default=None) in STATES
        and session_is_public(session)
        and api.user.has_permission("View", obj=item)
    )
