"""Holding the séance: roll call, proxies, quorum, votes, the list of deliberations and the procès-verbal (the act
itself, its number and its @ctes transmission live in acts/)."""

# The séance's refusals are the product's (validation.Refusal): acts/, below the séance, raises the same.
from collective.deliberations.validation import Refusal as SeanceError  # noqa: F401
from collective.deliberations.validation import refuse  # noqa: F401
