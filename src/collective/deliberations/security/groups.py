"""Plone groups that follow the bodies' memberships and the services' agents and validators.

Each body has a group of its current members, holding the local role Official on the body. Each service has a
group of agents (Contributor, Editor, Reader on the service) and one of validators (Reviewer on the service).
"""

from collective.deliberations.content.membership import memberships
from plone import api


def _ensure_group(group_id, title, members):
    group = api.group.get(groupname=group_id)
    if group is None:
        group = api.group.create(groupname=group_id, title=title)
    elif group.getProperty("title") != title:
        group.setGroupProperties({"title": title})
    current = set(group.getGroupMemberIds())
    wanted = {m for m in members if m}
    for user_id in wanted - current:
        api.group.add_user(group=group, username=user_id)
    for user_id in current - wanted:
        api.group.remove_user(group=group, username=user_id)
    return group_id


def _set_local_role(obj, principal, roles):
    existing = set(obj.get_local_roles_for_userid(principal))
    if existing != set(roles):
        if existing:
            obj.manage_delLocalRoles([principal])
        if roles:
            obj.manage_setLocalRoles(principal, list(roles))
        obj.reindexObjectSecurity()


def members_group_id(body):
    return f"members-{body.UID()}"


def sync_body_members(body):
    """Make the body's group hold exactly its current members, with the Official role on the body."""
    members = [m.member for m in memberships(body) if m.is_current()]
    group_id = _ensure_group(members_group_id(body), f"Membres : {body.Title()}", members)
    _set_local_role(body, group_id, ["Official"])
    return group_id


def sync_all_bodies():
    """Sync every body (memberships start and end with the calendar); return {body path: current members}."""
    result = {}
    for brain in api.content.find(portal_type=["Assembly", "Commission"], unrestricted=True):
        body = brain._unrestrictedGetObject()
        group_id = sync_body_members(body)
        result["/".join(body.getPhysicalPath())] = sorted(api.group.get(groupname=group_id).getGroupMemberIds())
    return result


def service_group_ids(service):
    uid = service.UID()
    return f"agents-{uid}", f"validators-{uid}"


def sync_service(service):
    agents_id, validators_id = service_group_ids(service)
    _ensure_group(agents_id, f"Agents : {service.Title()}", service.agents or [])
    _ensure_group(validators_id, f"Valideurs : {service.Title()}", service.validators or [])
    _set_local_role(service, agents_id, ["Contributor", "Editor", "Reader"])
    _set_local_role(service, validators_id, ["Reviewer"])


def remove_groups(group_ids):
    for group_id in group_ids:
        if api.group.get(groupname=group_id) is not None:
            api.group.delete(groupname=group_id)
