"""SearchableText of a document: its title, description, file name and the text its conversion extracted (OCR
included), whatever view it uses. Nothing is extracted at upload time: the text arrives with the conversion."""

from collective.deliberations.behaviors.document import IDocumentFlags
from collective.documentviewer.settings import Settings
from plone.indexer import indexer

import re


PAGE = re.compile(r"^text/dump_(\d+)\.txt$")


def converted_text(document):
    files = Settings(document).blob_files
    if not files:
        return ""
    pages = sorted((int(match.group(1)), name) for name in files.keys() if (match := PAGE.match(name)))
    texts = []
    for _number, name in pages:
        with files[name].open() as stream:
            texts.append(stream.read().decode("utf-8", "replace"))
    return " ".join(texts)


@indexer(IDocumentFlags)
def searchable_text(document):
    file = getattr(document, "file", None)
    parts = [document.Title(), document.Description(), getattr(file, "filename", None) or "", converted_text(document)]
    return " ".join(part for part in parts if part)
