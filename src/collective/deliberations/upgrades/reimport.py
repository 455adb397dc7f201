"""What an upgrade step does to bring an existing site to the profile of this version: the profile's import steps
run again (registry, roles and permissions, workflows, catalog, types, actions), then what they leave undone on
existing content: the workflows' permissions applied to every object, new indexes and metadata filled."""

from plone import api

import logging


logger = logging.getLogger(__name__)
PROFILE = "profile-collective.deliberations:default"
# plone.app.registry keeps the values of the records that exist (`records interface=`: new records get defaults).
STEPS = ("plone.app.registry", "rolemap", "workflow", "catalog", "typeinfo", "actions", "controlpanel", "browserlayer")


def reimport(setup_tool, steps=STEPS):
    """Run `steps` of the default profile again, idempotently, and finish what they leave undone."""
    catalog = api.portal.get_tool("portal_catalog")
    indexes, columns = set(catalog.indexes()), set(catalog.schema())
    for step in steps:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
        logger.info("re-imported %s", step)
    if "workflow" in steps or "rolemap" in steps:
        changed = api.portal.get_tool("portal_workflow").updateRoleMappings()
        logger.info("updated the role mappings of %s objects", changed)
    fill_catalog(catalog, sorted(set(catalog.indexes()) - indexes), set(catalog.schema()) - columns)


def fill_catalog(catalog, new_indexes, new_columns):
    """A new index is empty and a new column missing on every brain until the content is indexed again."""
    if new_columns:
        logger.info("new metadata %s: cataloguing everything again", sorted(new_columns))
        catalog.refreshCatalog(clear=0)
        return
    for name in new_indexes:
        logger.info("filling the new index %s", name)
        catalog.manage_reindexIndex(ids=[name])
