"""Retention schedule, legal holds, SEDA 2.2 transfers to an archive system and eliminations with visa."""

MANAGE_ARCHIVES = "collective.deliberations: Manage archives"
