"""Bodies, memberships and services keep their Plone groups in step."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations.security.groups import members_group_id
from collective.deliberations.security.groups import remove_groups
from collective.deliberations.security.groups import service_group_ids
from collective.deliberations.security.groups import sync_body_members
from collective.deliberations.security.groups import sync_service
from plone.base.interfaces import IPloneSiteRoot


def _site_going(event):
    """The whole site is being deleted: its groups go with it, and there is no portal left to ask."""
    return IPloneSiteRoot.providedBy(event.object)


def body_added(body, event):
    sync_body_members(body)


def body_removed(body, event):
    if _site_going(event):
        return
    remove_groups([members_group_id(body)])


def membership_changed(membership, event):
    membership.title = membership.member_name()
    body = aq_parent(aq_inner(membership))
    if body is not None:
        sync_body_members(body)


def membership_removed(membership, event):
    """A membership deleted on its own; when its whole body goes, body_removed drops the body's group."""
    if event.object is not membership or event.oldParent is None or getattr(event, "newParent", None):
        return
    sync_body_members(event.oldParent)


def service_changed(service, event):
    sync_service(service)


def service_removed(service, event):
    if _site_going(event):
        return
    remove_groups(service_group_ids(service))
