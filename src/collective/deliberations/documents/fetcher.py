"""What a generated PDF may load, for every WeasyPrint rendering (documents/rendering.py, convocation/dossier_pdf.py).

A document's text is written by its users. With WeasyPrint's own fetcher, `<a rel="attachment" href="file:///…">`
in an exposé embedded any file of the server in the PDF (the instance's configuration, its database password
included) and `<img src="http://…">` made the server call any address. Loaded here: `data:` images, the product's
own static files (CSS, fonts, images of `documents/static`), and the site's own images, found in the ZODB as the
reader (their View permission applies; never by HTTP). Anything else is refused and logged; the PDF is made
without it."""

from urllib.parse import unquote
from urllib.parse import urlsplit

import logging
import os


logger = logging.getLogger("collective.deliberations.documents")

RESOURCES = (os.path.join(os.path.dirname(os.path.abspath(__file__)), "static"),)
MAX_SIZE = 20 * 1024 * 1024  # one image or style sheet
TYPES = {".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".ttf": "font/ttf"}


class RefusedResource(ValueError):
    """An address a generated PDF may not load (WeasyPrint logs it and goes on without it)."""


def package_file(url):
    """The path of a file of the product's resource folders that the `file:` `url` names, else None."""
    path = os.path.realpath(unquote(urlsplit(url).path))
    inside = any(path.startswith(folder + os.sep) for folder in RESOURCES)
    return path if inside and os.path.splitext(path)[1] in TYPES and os.path.isfile(path) else None


def site_image(url):
    """(bytes, MIME type) of the site's own image that `url` names, traversed as the current user; else None."""
    from plone import api

    portal_url = api.portal.get().absolute_url()
    if not url.startswith(portal_url + "/"):
        return None
    path = unquote(urlsplit(url).path[len(urlsplit(portal_url).path) :]).strip("/")
    path, _images, scale = path.partition("/@@images/")  # …/@@images/<field>[/<scale>], as TinyMCE inserts it
    try:
        found = api.portal.get().restrictedTraverse(path)
        if scale:
            field, _slash, name = scale.partition("/")
            found = found.restrictedTraverse("@@images").scale(field, scale=name or None)
    except Exception:  # not found, not allowed: not loaded
        return None
    image = getattr(found, "data", None)  # an image scale
    image = getattr(found, "image", None) if image is None else image  # an Image
    content_type = getattr(image, "contentType", None) or ""
    if not content_type.startswith("image/") or _size(image) > MAX_SIZE:
        return None
    return image.data, content_type


def _size(image):
    size = getattr(image, "getSize", None)
    return size() if callable(size) else MAX_SIZE + 1


def _fetcher_class():
    from weasyprint.urls import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data" and url[5:].lower().startswith("image/"):
                return super().fetch(url, headers)
            path = package_file(url) if scheme == "file" else None
            if path is not None:
                with open(path, "rb") as stream:
                    return URLFetcherResponse(url, stream.read(), {"Content-Type": TYPES[os.path.splitext(path)[1]]})
            image = site_image(url) if scheme in ("http", "https") else None
            if image is not None:
                return URLFetcherResponse(url, image[0], {"Content-Type": image[1]})
            logger.warning("generated PDF: %s refused (not a resource of the site)", url[:200])
            raise RefusedResource(url[:200])

    return SiteFetcher


def url_fetcher():
    """A WeasyPrint URL fetcher that loads only the site's own resources (see the module)."""
    return _fetcher_class()(timeout=5, allowed_protocols=("data", "file", "http", "https"), allow_redirects=False)
