"""The entry points (OParl 1.1, 3.1 System and 3.2 Body): one system, one body, the collectivité, whose external
lists lead to everything else. The legislative term (3.3) is the mandate of the council, derived from its séances."""

from collective.deliberations.collectivite import get_settings
from collective.deliberations.oparl.common import as_anonymous
from collective.deliberations.oparl.common import base
from collective.deliberations.oparl.common import body_url
from collective.deliberations.oparl.common import day
from collective.deliberations.oparl.common import root
from collective.deliberations.oparl.common import search
from collective.deliberations.oparl.common import url
from plone import api


LISTS = ("organization", "person", "meeting", "paper", "agendaItem", "file", "membership", "consultation")


def collectivite():
    try:
        settings = get_settings()
    except Exception:  # registry records not there (add-on being installed)
        settings = None
    return settings


def system():
    portal = api.portal.get()
    return base(
        "System",
        root(),
        oparlVersion="https://schema.oparl.org/1.1/",
        body=url("body"),
        name=portal.Title(),
        website=portal.absolute_url(),
    )


def bodies():
    pagination = {"totalElements": 1, "elementsPerPage": 1, "currentPage": 1, "totalPages": 1}
    return {"data": [body()], "pagination": pagination, "links": {}}


def body():
    portal = api.portal.get()
    settings = collectivite()
    name = (getattr(settings, "name", None) or portal.Title()) if settings is not None else portal.Title()
    lists = {name_: url("body", "1", name_) for name_ in LISTS}
    return base(
        "Body",
        body_url(),
        system=root(),
        name=name,
        website=portal.absolute_url(),
        legislativeTerm=[legislative_term()],
        web=portal.absolute_url(),
        **lists,
    )


def legislative_term():
    """The council's current mandate (OParl 1.1, 3.3), begun with its members' earliest public membership."""
    with as_anonymous():
        starts = [brain.getObject().start for brain in search(portal_type="Membership")]
    starts = [start for start in starts if start]
    return base(
        "LegislativeTerm",
        url("legislativeTerm", "1"),
        body=body_url(),
        name="Mandat en cours",
        startDate=day(min(starts)) if starts else None,
    )
