"""Bodies, memberships and services keep their Plone groups in step."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.security.groups import members_group_id
from collective.deliberations.security.groups import remove_groups
from collective.deliberations.security.groups import service_group_ids
from collective.deliberations.security.groups import sync_body_members
from collective.deliberations.security.groups import sync_service


def body_added(body, event):
    sync_body_members(body)


def body_removed(body, event):
    remove_groups([members_group_id(body)])


def membership_changed(membership, event):
    membership.title = membership.member_name()
    body = aq_parent(aq_inner(membership))
    if body is not None:
        sync_body_members(body)


def membership_removed(membership, event):
    if event.oldParent is not None and not getattr(event, "newParent", None):
        sync_body_members(event.oldParent)


def service_changed(service, event):
    sync_service(service)


def service_removed(service, event):
    remove_groups(service_group_ids(service))
