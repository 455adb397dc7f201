"""A document's workflow state follows its flags (publishable, confidential), both ways."""

from collective.deliberations.behaviors.document import document_state
from collective.deliberations.behaviors.document import IDocumentFlags
from collective.deliberations.security import force_transition
from plone import api


def flags_changed(document, event):
    flags = IDocumentFlags(document, None)
    if flags is None or api.content.get_state(document, default=None) is None:
        return
    wanted = document_state(flags)
    if api.content.get_state(document) != wanted:
        force_transition(document, f"make_{wanted}")


def state_changed(document, event):
    flags = IDocumentFlags(document, None)
    if flags is None or event.transition is None:
        return
    state = event.new_state.id
    if document_state(flags) != state:
        flags.publishable = state != "internal"
        flags.confidential = state == "confidential"
