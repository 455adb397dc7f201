"""Kept for objects and records saved by 1.0.0a1: the yearly counters of act numbers are pickled with this class
path. The numbering lives in acts/numbering.py."""

from collective.deliberations.acts.numbering import YearCounter  # noqa: F401
