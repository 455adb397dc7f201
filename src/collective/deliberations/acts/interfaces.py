"""What acts/ asks of the packages above it, without importing them."""

from zope.interface import Interface


class ISeanceRecord(Interface):
    """A utility the séance registers (seance/votes.presence_and_vote): what it recorded for an item of its agenda,
    for the act's text."""

    def __call__(session, item):
        """(presence summary, vote or None) of `item` (or of the séance when `item` is None)."""
