"""The members of the public assemblies as OParl persons and memberships (OParl 1.1, 3.8 Person, 3.9 Membership):
a name and a role, as the portal's pages of the bodies show them, and nothing of the personal data (no address, no
e-mail, no paper convocation, no presence answer: docs/security.md). A commission's members are not listed (its work
is not public, L2121-22 CGCT). A person's id is a digest of the account, never the login."""

from collective.deliberations.oparl.common import as_anonymous
from collective.deliberations.oparl.common import base
from collective.deliberations.oparl.common import body_url
from collective.deliberations.oparl.common import day
from collective.deliberations.oparl.common import NotPublic
from collective.deliberations.oparl.common import search
from collective.deliberations.oparl.common import url
from collective.deliberations.oparl.urls import organization_url
from plone import api
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import hashlib


def membership_brains(**query):
    brains = search(portal_type="Membership", sort_on="sortable_title", **query)
    with as_anonymous():
        return [brain for brain in brains if brain.getObject().aq_parent.portal_type == "Assembly"]


def person_id(member):
    return hashlib.sha256(f"oparl-person:{member}".encode()).hexdigest()[:20]


def person_brains(**query):
    """One membership per person, the first found."""
    seen, kept = set(), []
    with as_anonymous():
        for brain in membership_brains(**query):
            member = brain.getObject().member
            if member and member not in seen:
                seen.add(member)
                kept.append(brain)
    return kept


def fullname(member):
    user = api.user.get(userid=member)
    return (user.getProperty("fullname") or "") if user is not None else ""


def role_title(membership):
    factory = api.portal.get().getSiteManager().queryUtility(IVocabularyFactory, "collective.deliberations.MemberRoles")
    try:
        return translate(factory(membership).getTerm(membership.member_role).title, target_language="fr")
    except (AttributeError, LookupError, TypeError):
        return membership.member_role


def membership_of(membership):
    return base(
        "Membership",
        url("membership", membership.UID()),
        membership,
        person=url("person", person_id(membership.member)),
        organization=organization_url(membership.aq_parent),
        role=role_title(membership),
        votingRight=bool(getattr(membership, "voting_right", True)),
        startDate=day(membership.start),
        endDate=day(membership.end),
        web=None,  # the membership's page is named after the account: no login in the open data
    )


def person_of(first_membership):
    member = first_membership.member
    with as_anonymous():
        held = [brain.getObject() for brain in membership_brains() if brain.getObject().member == member]
    return base(
        "Person",
        url("person", person_id(member)),
        body=body_url(),
        name=fullname(member) or None,
        membership=[membership_of(membership) for membership in held],
    )


def person(pid):
    for brain in person_brains():
        with as_anonymous():
            membership = brain.getObject()
        if person_id(membership.member) == pid:
            return person_of(membership)
    raise NotPublic


def membership(uid):
    found = membership_brains(UID=uid)
    if not found:
        raise NotPublic
    with as_anonymous():
        return membership_of(found[0].getObject())
