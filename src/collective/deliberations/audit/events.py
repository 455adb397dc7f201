"""What the product and Plone announce, recorded in the audit log: transitions, sharing, groups, settings."""

from collective.deliberations.audit.log import record


AUDITED_TYPES = ("Session", "Deliberation", "AgendaItem", "File")
OUR_RECORDS = "collective.deliberations."


def transitioned(obj, event):
    """A workflow transition of a séance, an act, an item or a document (not an object's creation)."""
    if event.transition is None or getattr(obj, "portal_type", None) not in AUDITED_TYPES:
        return
    record(
        "transition",
        obj,
        {
            "workflow": getattr(event.workflow, "id", ""),
            "transition": event.transition.id,
            "from": getattr(event.old_state, "id", ""),
            "to": getattr(event.new_state, "id", ""),
            "comment": (event.kwargs or {}).get("comment", "") or "",
        },
    )


def local_roles_changed(obj, event):
    """Plone's sharing (@@sharing, REST @sharing): the local roles as they are after the change."""
    roles = {principal: ", ".join(sorted(given)) for principal, given in obj.get_local_roles()}
    record("sharing", obj, roles)


def added_to_group(event):
    record("group_added", None, {"principal": event.principal, "group": event.group_id}, target=event.group_id)


def removed_from_group(event):
    record("group_removed", None, {"principal": event.principal, "group": event.group_id}, target=event.group_id)


def registry_changed(event):
    """One of our settings (control panels) changed: its name, old and new value."""
    name = event.record.__name__ or ""
    if name.startswith(OUR_RECORDS):
        record("setting", None, {"record": name, "old": event.oldValue, "new": event.newValue}, target=name)
