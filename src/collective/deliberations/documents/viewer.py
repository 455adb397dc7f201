"""@@viewer: read a converted document page by page on a tablet: thumbnails, previous and next, zoom, search in its
text, the original always downloadable. Server-rendered (each page has its URL, ?page=N); viewer.js (bundle
plone.bundles/collective-deliberations) turns pages without reloading, adds keys and swipes. @@viewer-image serves
the page images that collective.documentviewer made, under the document's own View permission."""

from collective.deliberations.documents.indexers import PAGE as TEXT_PAGE
from collective.deliberations.documents.status import describe
from collective.deliberations.validation import form_text
from collective.documentviewer.settings import Settings
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import re


SIZES = ("large", "normal", "small")


def page_texts(settings):
    files = settings.blob_files or {}
    texts = {}
    for name in files.keys():
        match = TEXT_PAGE.match(name)
        if match:
            with files[name].open() as stream:
                texts[int(match.group(1))] = stream.read().decode("utf-8", "replace")
    return texts


class ViewerView(BrowserView):
    def update(self):
        self.settings = Settings(self.context)
        self.status = describe(self.context, self.request)
        self.pages = (self.settings.num_pages or 0) if self.converted() else 0
        page = form_text(self.request.form, "page")
        page = int(page) if page.isascii() and page.isdigit() else 1
        self.page = min(max(page, 1), max(self.pages, 1))
        self.query = form_text(self.request.form, "q")

    def __call__(self):
        self.update()
        return self.index()

    def converted(self):
        return bool(self.status) and self.status["state"] == "converted" and bool(self.settings.blob_files)

    def base(self):
        return self.context.absolute_url()

    def image_url(self, page, size="large"):
        return f"{self.base()}/@@viewer-image/{size}/{page}"

    def page_url(self, page):
        return f"{self.base()}/@@viewer?page={page}"

    def thumbnails(self):
        return [
            {"page": n, "src": self.image_url(n, "small"), "url": self.page_url(n)} for n in range(1, self.pages + 1)
        ]

    def download_url(self):
        return f"{self.base()}/@@download/file"

    def pdf_url(self):
        """The PDF LibreOffice made from an office file (none for a PDF: the original is the PDF)."""
        files = self.settings.blob_files or {}
        if self.filename().lower().endswith(".pdf") or "pdf/dump.pdf" not in files:
            return None
        return f"{self.base()}/@@viewer-image/pdf/dump.pdf"

    def matches(self):
        """Pages whose text holds every word searched, with a short excerpt around the first word."""
        if not self.query or not self.converted():
            return []
        words = [w.lower() for w in self.query.split()]
        found = []
        for number, text in sorted(page_texts(self.settings).items()):
            flat = " ".join(text.split())
            lower = flat.lower()
            if all(word in lower for word in words):
                at = lower.find(words[0])
                found.append({"page": number, "url": self.page_url(number), "excerpt": flat[max(at - 60, 0) : at + 80]})
        return found

    def filename(self):
        file = getattr(self.context, "file", None)
        return getattr(file, "filename", None) or self.context.getId()


@implementer(IPublishTraverse)
class ViewerImage(BrowserView):
    """@@viewer-image/<size>/<page> (a page image) or @@viewer-image/pdf/dump.pdf (the PDF made from an office file)."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.parts = []

    def publishTraverse(self, request, name):
        self.parts.append(name)
        if len(self.parts) > 2:
            raise NotFound(name)
        return self

    def __call__(self):
        settings = Settings(self.context)
        files = settings.blob_files or {}
        if self.parts == ["pdf", "dump.pdf"]:
            key, content_type = "pdf/dump.pdf", "application/pdf"
        elif len(self.parts) == 2 and self.parts[0] in SIZES and re.fullmatch(r"\d{1,5}", self.parts[1]):
            image_format = settings.pdf_image_format or "gif"
            key, content_type = f"{self.parts[0]}/dump_{int(self.parts[1])}.{image_format}", f"image/{image_format}"
        else:
            raise NotFound("/".join(self.parts))
        if key not in files:
            raise NotFound(key)
        blob = files[key]
        response = self.request.response
        response.setHeader("Content-Type", content_type)
        response.setHeader("Cache-Control", "private, max-age=3600")
        with blob.open() as stream:
            data = stream.read()
        response.setHeader("Content-Length", str(len(data)))
        return data
