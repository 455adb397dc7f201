"""Catalog values of retention: the end of the DUA, the category, the archive status (catalog.xml declares them)."""

from collective.deliberations.archives.retention import category_of
from collective.deliberations.archives.retention import dua_end as compute_dua_end
from collective.deliberations.archives.status import archive_status as status_of
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

import datetime


@indexer(IDexterityContent)
def dua_end(obj):
    day = compute_dua_end(obj)
    if day is None:
        raise AttributeError("dua_end")
    return datetime.datetime.combine(day, datetime.time())


@indexer(IDexterityContent)
def retention_category(obj):
    category = category_of(obj)
    if category is None:
        raise AttributeError("retention_category")
    return category


@indexer(IDexterityContent)
def archive_status(obj):
    status = status_of(obj)
    if status is None:
        raise AttributeError("archive_status")
    return status["status"]
