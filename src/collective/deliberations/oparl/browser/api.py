"""<site>/@@oparl: the OParl 1.1 API, read-only and anonymous, as ``application/json`` to any client (OParl 1.1,
2.3). ``@@oparl`` is the System, ``@@oparl/body/1`` the Body, ``@@oparl/body/1/<list>`` its paginated lists,
``@@oparl/<type>/<uid>`` each object, ``@@oparl/organization/<uid>/meeting`` an organization's meetings. An unknown
or non-public id answers 404 with a JSON error; anything but GET, 405 (docs/oparl.md)."""

from collective.deliberations.oparl import files
from collective.deliberations.oparl import meetings
from collective.deliberations.oparl import organizations
from collective.deliberations.oparl import papers
from collective.deliberations.oparl import people
from collective.deliberations.oparl import public
from collective.deliberations.oparl import system
from collective.deliberations.oparl.common import as_anonymous
from collective.deliberations.oparl.common import BadFilter
from collective.deliberations.oparl.common import filters
from collective.deliberations.oparl.common import NotPublic
from collective.deliberations.oparl.common import paginated
from collective.deliberations.oparl.common import search
from collective.deliberations.oparl.common import url
from Products.Five.browser import BrowserView
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import json


def first(brains):
    if not brains:
        raise NotPublic
    with as_anonymous():
        return brains[0].getObject()


def agenda_item(uid):
    item = first(search(portal_type="AgendaItem", UID=uid))
    session = first(public.meeting_brains(UID=item.aq_parent.UID()))
    if item not in public.visible_items(session):
        raise NotPublic
    return meetings.agenda_item(item)


def public_file(uid):
    found = files.listed_file_brains(UID=uid)
    if found:
        return files.file_data(first(found))
    data = papers.act_file(first(public.paper_brains(UID=uid)))
    if data is None:
        raise NotPublic
    return data


def location(uid):
    data = meetings.location(first(public.meeting_brains(UID=uid)))
    if data is None:
        raise NotPublic
    return data


OBJECTS = {
    "organization": lambda uid: organizations.organization(first(organizations.organization_brains(UID=uid))),
    "meeting": lambda uid: meetings.meeting(first(public.meeting_brains(UID=uid))),
    "agendaItem": agenda_item,
    "paper": lambda uid: papers.paper(first(public.paper_brains(UID=uid))),
    "consultation": lambda uid: papers.consultation(first(public.paper_brains(UID=uid))),
    "file": public_file,
    "location": location,
    "person": people.person,
    "legislativeTerm": lambda number: system.legislative_term() if number == "1" else first([]),
    "membership": people.membership,
}

LISTS = {
    "organization": (organizations.organization_brains, organizations.organization),
    "meeting": (public.meeting_brains, meetings.meeting),
    "paper": (public.paper_brains, papers.paper),
    "consultation": (public.paper_brains, papers.consultation),
    "agendaItem": (meetings.agenda_item_brains, meetings.agenda_item),
    "file": (files.listed_file_brains, files.file_data),
    "person": (people.person_brains, people.person_of),
    "membership": (people.membership_brains, people.membership_of),
}


@implementer(IPublishTraverse)
class OParlView(BrowserView):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.subpath = []

    def publishTraverse(self, request, name):
        self.subpath.append(name)
        return self

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Access-Control-Allow-Origin", "*")
        if self.request.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return self.error(405, "OParl is read-only: GET only.")
        try:
            data = self.answer(tuple(self.subpath))
        except NotPublic:
            return self.error(404, "No such OParl object.")
        except BadFilter as error:
            return self.error(400, f"Unreadable date in {error}.")
        return json.dumps(data, ensure_ascii=False)

    def error(self, status, message):
        self.request.response.setStatus(status)
        return json.dumps({"error": {"code": status, "message": message}}, ensure_ascii=False)

    def answer(self, path):
        form = self.request.form
        if path == ():
            return system.system()
        if path == ("body",):
            return system.bodies()
        if path == ("body", "1"):
            return system.body()
        if len(path) == 3 and path[:2] == ("body", "1") and path[2] in LISTS:
            brains, build = LISTS[path[2]]
            return paginated(url(*path), brains(**filters(form)), build, form)
        if len(path) == 3 and path[0] == "organization" and path[2] == "meeting":
            organization = first(organizations.organization_brains(UID=path[1]))
            where = {"query": "/".join(organization.getPhysicalPath()), "depth": 1}
            found = public.meeting_brains(path=where, **filters(form))
            return paginated(url(*path), found, meetings.meeting, form)
        if len(path) == 2 and path[0] in OBJECTS:
            return OBJECTS[path[0]](path[1])
        raise NotPublic
