"""The versé lock survives "Update security settings": the record's chain ends with archived_record_workflow, which
the workflow tool applies again, last, when it recomputes every object's permissions."""

from collective.deliberations.archives.transfer import transfer
from plone import api


def roles_of(obj, permission):
    return sorted(role["name"] for role in obj.rolesOfPermission(permission) if role["selected"])


def may(permission, obj, username="admin"):
    return api.user.has_permission(permission, username=username, obj=obj)


def test_the_lock_holds_after_update_role_mappings(archives, seda_schemas, vault):
    workflow = api.portal.get_tool("portal_workflow")
    annexe = archives.budget["annexe"]
    view_before = {obj.getId(): roles_of(obj, "View") for obj in (archives.budget, annexe, archives.old)}
    assert may("Modify portal content", archives.budget) and may("Delete objects", annexe)
    with api.env.adopt_user(username="archiviste"):
        transfer([archives.old])
    for obj in (archives.budget, annexe, archives.old):
        assert workflow.getChainFor(obj)[-1] == "archived_record_workflow"
        assert not may("Modify portal content", obj) and not may("Delete objects", obj)
    assert api.content.get_state(archives.budget) == "adopted"  # its own state is untouched

    # what the "Update security settings" button of portal_workflow does
    count = workflow.updateRoleMappings()
    assert count > 0
    for obj in (archives.budget, annexe, archives.old):
        assert not may("Modify portal content", obj), obj.getId()
        assert not may("Delete objects", obj), obj.getId()
        assert not may("Add portal content", obj), obj.getId()
        assert roles_of(obj, "View") == view_before[obj.getId()]  # who may read it is unchanged
    assert not may("Modify portal content", archives.budget, "secretaire")
    assert api.content.get_state(archives.budget) == "adopted"
    # a record that was not transferred gets its permissions back from its workflow as before
    other = archives.validated("Convention de mise à disposition")
    other.manage_permission("Modify portal content", roles=[], acquire=False)
    workflow.updateRoleMappings()
    assert may("Modify portal content", other)
