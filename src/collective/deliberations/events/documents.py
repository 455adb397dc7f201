"""A document's workflow state follows its flags (publishable, confidential), both ways."""

from collective.deliberations.behaviors.document import document_state
from collective.deliberations.behaviors.document import IDocumentFlags
from plone import api


def flags_changed(document, event):
    flags = IDocumentFlags(document, None)
    if flags is None or api.content.get_state(document, default=None) is None:
        return
    wanted = document_state(flags)
    if api.content.get_state(document) != wanted:
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=document, to_state=wanted)


def state_changed(document, event):
    flags = IDocumentFlags(document, None)
    if flags is None or event.transition is None:
        return
    state = event.new_state.id
    if document_state(flags) != state:
        flags.publishable = state != "internal"
        flags.confidential = state == "confidential"
