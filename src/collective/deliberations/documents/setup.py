"""Settings of collective.documentviewer that our background conversion needs, applied on install."""

from collective.documentviewer.settings import GlobalSettings


def configure_documentviewer(portal):
    """No conversion during the upload (our worker converts), no switch of the file's view to documentviewer's
    Plone 5 viewer, OCR of the PDFs without text, office types accepted."""
    settings = GlobalSettings(portal)
    settings.auto_convert = False
    settings.auto_select_layout = False
    settings.ocr = True
    settings.detect_text = True
    settings.enable_indexation = True
    settings.storage_type = "Blob"
    settings.auto_layout_file_types = ["pdf", "word", "excel", "ppt", "rft"]
