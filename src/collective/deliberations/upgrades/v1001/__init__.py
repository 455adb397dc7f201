"""1000 → 1001 (issue 13's fixes): new registry records (the conversion settings), the permissions of sharing and of
the member listing in rolemap.xml, and whatever the other profile files changed since the first release."""

from collective.deliberations.upgrades.reimport import reimport


def upgrade(setup_tool):
    reimport(setup_tool)
