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
    indexes, columns = index_types(catalog), set(catalog.schema())
    for step in steps:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
        logger.info("re-imported %s", step)
    if "workflow" in steps or "rolemap" in steps:
        changed = api.portal.get_tool("portal_workflow").updateRoleMappings()
        logger.info("updated the role mappings of %s objects", changed)
    replaced = [name for name, meta_type in index_types(catalog).items() if indexes.get(name) != meta_type]
    fill_catalog(catalog, replaced, set(catalog.schema()) - columns)


def index_types(catalog):
    """{index: its type}: the catalog step replaces an index whose type changed by an empty one."""
    return {index.getId(): index.meta_type for index in catalog.getIndexObjects()}


def fill_catalog(catalog, new_indexes, new_columns):
    """A new (or replaced) index is empty and a new column missing on every brain until the content is indexed
    again."""
    if new_columns:
        logger.info("new metadata %s: cataloguing everything again", sorted(new_columns))
        catalog.refreshCatalog(clear=0)
        return
    for name in new_indexes:
        logger.info("filling the new index %s", name)
        catalog.manage_reindexIndex(ids=[name])
