"""What the upgrade steps run (upgrades/reimport.py) on a site that lacks what the profile now defines: an index or
a metadata column added by a new version is created and filled for the content already there, and the workflows'
permissions reach every object."""

from collective.deliberations.upgrades.reimport import reimport
from content.conftest import World
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


@pytest.fixture
def act(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return World(portal).draft("Budget primitif", nature="1")


def test_a_new_index_is_filled(portal, setup_tool, act):
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("nature")  # as on a site of a release before this index
    catalog.delIndex("Title")  # an index of Plone, not of the profile: stays removed
    reimport(setup_tool)
    assert "Title" not in catalog.indexes()
    assert [brain.UID for brain in catalog(portal_type="Deliberation", nature="1")] == [act.UID()]


def test_a_new_column_is_filled(portal, setup_tool, act):
    catalog = api.portal.get_tool("portal_catalog")
    session = portal["conseil"]["seance"]
    expected = catalog(UID=session.UID())[0].publication_deadlines
    catalog.delColumn("publication_deadlines")  # as on a site of a release before this column
    reimport(setup_tool)
    assert expected is not None and catalog(UID=session.UID())[0].publication_deadlines == expected


def test_the_workflow_permissions_reach_existing_content(portal, setup_tool, act):
    """A permission the workflow manages, changed on an object, is set back to what its state gives."""
    act.manage_permission("View", roles=["Anonymous"], acquire=False)
    reimport(setup_tool, steps=("workflow",))
    assert "Anonymous" not in [role["name"] for role in act.rolesOfPermission("View") if role["selected"]]
