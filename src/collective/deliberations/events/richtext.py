"""The rich text of a deliberation is cleaned as it is saved (richtext.py): the stored text, the pages and every
file generated from it never point to a file of the server or carry an attachment."""

from collective.deliberations.richtext import clean_stored


def clean_rich_text(deliberation, event):
    clean_stored(deliberation, "expose", "dispositif")
