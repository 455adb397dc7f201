"""Kept for code written against 1.0.0a1 (the demo distribution imports it): @ctes lives in acts/actes.py."""

from collective.deliberations.acts.actes import *  # noqa: F401, F403
from collective.deliberations.acts.actes import _act_record  # noqa: F401
from collective.deliberations.acts.actes import _documents  # noqa: F401
from collective.deliberations.acts.actes import _pdf  # noqa: F401
