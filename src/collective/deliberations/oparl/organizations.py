"""The bodies of the collectivité as OParl organizations (OParl 1.1, 3.4): the council, the bureau, the commissions
the public portal shows. A commission sits behind closed doors (L2121-22 CGCT): it is listed only where an anonymous
visitor may see it, and its séances never are (meetings.py)."""

from collective.deliberations.oparl.common import base
from collective.deliberations.oparl.common import body_url
from collective.deliberations.oparl.common import search
from collective.deliberations.oparl.common import url
from collective.deliberations.oparl.urls import organization_url


TYPES = ("Assembly", "Commission")


def organization_brains(**query):
    return search(portal_type=TYPES, sort_on="sortable_title", **query)


def organization(obj):
    kind = "Kommission" if obj.portal_type == "Commission" else "Gremium"
    parent = obj.aq_parent
    sub = organization_url(parent) if getattr(parent, "portal_type", None) in TYPES else None
    return base(
        "Organization",
        organization_url(obj),
        obj,
        body=body_url(),
        name=obj.Title(),
        organizationType=kind,
        classification=getattr(obj, "body_kind", None) or "commission",
        subOrganizationOf=sub,
        meeting=url("organization", obj.UID(), "meeting"),
    )
