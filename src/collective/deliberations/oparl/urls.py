"""The addresses of the OParl objects (OParl 1.1, 2.6 URLs): one place, so that each object's module links to the
others without importing them."""

from collective.deliberations.oparl.common import url


def organization_url(obj):
    return url("organization", obj.UID())


def meeting_url(session):
    return url("meeting", session.UID())


def agenda_item_url(item):
    return url("agendaItem", item.UID())


def paper_url(act):
    return url("paper", act.UID())


def consultation_url(act):
    return url("consultation", act.UID())
