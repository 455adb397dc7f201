"""What every OParl object and list shares (OParl 1.1, chapters 2.3 to 2.8): its URL as its id, its type URI, its
dates, and the paginated lists with their ``next`` link and ``modified_since`` / ``created_since`` filters. Every
query runs as an anonymous visitor, whoever asks: an administrator's request shows no more than the public portal."""

from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from DateTime import DateTime
from DateTime.interfaces import DateTimeError
from plone import api
from urllib.parse import urlencode


SCHEMA = "https://schema.oparl.org/1.1/"
PAGE = 20
FILTERS = {"modified_since": "modified", "created_since": "created"}


class NotPublic(LookupError):
    """No such object, or not one the public portal shows."""


class BadFilter(ValueError):
    """A filter whose date cannot be read."""


@contextmanager
def as_anonymous():
    with api.env.adopt_user(user=nobody):
        yield


def search(**query):
    """The catalog as an anonymous visitor sees it."""
    with as_anonymous():
        return api.portal.get_tool("portal_catalog").searchResults(**query)


def root():
    return f"{api.portal.get().absolute_url()}/@@oparl"


def url(*parts):
    return "/".join([root(), *parts])


def body_url():
    return url("body", "1")


def iso(value):
    """A date-time as RFC 3339 (DateTime, datetime or None)."""
    if value is None:
        return None
    if isinstance(value, DateTime):
        return value.ISO8601()
    if value.tzinfo is None:
        value = value.astimezone()
    return value.isoformat()


def day(value):
    return value.strftime("%Y-%m-%d") if value is not None else None


def base(kind, identifier, obj=None, **values):
    """The common fields of an OParl object; None values are left out (OParl 2.5: no null)."""
    data = {"id": identifier, "type": f"{SCHEMA}{kind}"}
    if obj is not None:
        data.update(created=iso(obj.created()), modified=iso(obj.modified()), web=obj.absolute_url())
    data.update(values)
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def filters(form):
    """{catalog index: range query} from modified_since / created_since (OParl 1.1, 2.8.3)."""
    query = {}
    for name, index in FILTERS.items():
        value = form.get(name)
        if not value:
            continue
        try:
            query[index] = {"query": DateTime(value), "range": "min"}
        except (DateTimeError, TypeError, ValueError) as error:
            raise BadFilter(name) from error
    return query


def paginated(list_url, brains, build, form):
    """One page of an external list (OParl 1.1, 2.8): ``data``, ``pagination`` and ``links`` (first, prev, next)."""
    try:
        page = max(int(form.get("page", 1)), 1)
    except (TypeError, ValueError):
        page = 1
    total = len(brains)
    start = (page - 1) * PAGE
    with as_anonymous():
        data = [build(brain.getObject()) for brain in brains[start : start + PAGE]]
    kept = {name: form[name] for name in FILTERS if form.get(name)}

    def link(number):
        return f"{list_url}?{urlencode({**kept, 'page': number})}"

    links = {"first": link(1)}
    if page > 1:
        links["prev"] = link(page - 1)
    if start + PAGE < total:
        links["next"] = link(page + 1)
    pages = max((total + PAGE - 1) // PAGE, 1)
    links["last"] = link(pages)
    return {
        "data": data,
        "pagination": {"totalElements": total, "elementsPerPage": PAGE, "currentPage": page, "totalPages": pages},
        "links": links,
    }
