"""Install and uninstall through the add-ons control panel (Products.CMFPlone's installer)."""

from collective.deliberations.interfaces import IBrowserLayer
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import pytest


PACKAGE = "collective.deliberations"
RECORD = "collective.deliberations.collectivite.numbering_pattern"


class TestInstall:
    def test_installed(self, installer):
        assert installer.is_product_installed(PACKAGE)

    def test_browser_layer(self, browser_layers):
        assert IBrowserLayer in browser_layers

    def test_control_panel_listed(self, controlpanel_actions):
        assert "collectivite" in controlpanel_actions

    def test_registry_defaults(self, portal):
        assert getUtility(IRegistry)[RECORD] == "DEL{year}_{seq:03d}"

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile(f"{PACKAGE}:default") == ("1001",)

    def test_only_managers_and_the_secretariat_list_the_accounts(self, portal):
        roles = {r["name"] for r in portal.rolesOfPermission("List portal members") if r["selected"]}
        assert roles == {"Manager", "Site Administrator", "Secretariat"}

    @pytest.mark.parametrize("dependency", ["plone.restapi", "collective.documentviewer"])
    def test_dependencies_installed(self, installer, dependency):
        assert installer.is_product_installed(dependency)

    def test_add_ons_panel_offers_the_default_profile_only(self, portal):
        addon = portal.unrestrictedTraverse("@@prefs_install_products_form").get_addons()[PACKAGE]
        assert addon["install_profile_id"] == f"{PACKAGE}:default"
        assert addon["uninstall_profile_id"] == f"{PACKAGE}:uninstall"
        assert f"{PACKAGE}:demo" not in addon["other_profiles"]


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE)

    def test_not_installed(self, installer):
        assert not installer.is_product_installed(PACKAGE)

    def test_browser_layer_removed(self, browser_layers):
        assert IBrowserLayer not in browser_layers

    def test_control_panel_removed(self, controlpanel_actions):
        assert "collectivite" not in controlpanel_actions

    def test_dashboard_tab_removed(self, portal):
        assert "deliberations-dashboard" not in portal.portal_actions.portal_tabs.objectIds()

    def test_portal_tabs_removed(self, portal):
        tabs = portal.portal_actions.portal_tabs.objectIds()
        assert "actes-publies" not in tabs and "seances-publiques" not in tabs

    def test_members_list_the_accounts_again(self, portal):
        roles = {r["name"] for r in portal.rolesOfPermission("List portal members") if r["selected"]}
        assert roles == {"Manager", "Site Administrator", "Member"}

    def test_owners_share_again(self, portal):
        """Plone's sharing as Plone sets it: an owner or an editor delegates Reader again."""
        expected = {
            "Change local roles": {"Site Administrator"},  # and, acquired from the Zope root, Owner and Manager
            "Sharing page: Delegate roles": {"Manager", "Site Administrator", "Owner", "Editor", "Reviewer"},
            "Sharing page: Delegate Reader role": {"Manager", "Site Administrator", "Owner", "Editor", "Reviewer"},
        }
        for permission, roles in expected.items():
            assert portal.acquiredRolesAreUsedBy(permission) == "CHECKED", permission
            assert {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]} == roles, permission

    def test_registry_records_removed(self, portal):
        assert RECORD not in getUtility(IRegistry)
