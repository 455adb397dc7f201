"""The documents the product writes itself for the secretariat (PV, list, signed act): made once, their file
replaced after; and the file a REST body carries."""

from collective.deliberations import _
from collective.deliberations.validation import refuse
from plone import api

import base64
import binascii


def write_document(container, file_id, blob, title, document_type, publishable):
    """Create the File ``file_id`` in ``container`` or give it the new ``blob``; returns it. As the system: the
    container may be closed to the secretariat (a closed session, an adopted act) that holds the narrower right."""
    with api.env.adopt_roles(["Manager"]):
        if file_id in container.objectIds():
            document = container[file_id]
            document.file = blob
            document.title = title
            document.reindexObject()
            return document
        return api.content.create(
            container, "File", id=file_id, title=title, file=blob, document_type=document_type,
            publishable=publishable, confidential=False,
        )  # fmt: skip


def json_file(body):
    """(bytes, file name) of the ``file`` of a REST body, ``{"data": base64, "filename": name}``; (None, None)
    when there is none."""
    value = body.get("file")
    if value is None:
        return None, None
    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        refuse(_("pv_bad_file", default='« file » must be {"data": base64, "filename": name}.'))
    try:
        return base64.b64decode(value["data"], validate=True), value.get("filename")
    except (binascii.Error, ValueError):
        refuse(_("pv_bad_file", default='« file » must be {"data": base64, "filename": name}.'))
