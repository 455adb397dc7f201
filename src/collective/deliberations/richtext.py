"""The rich text of the site's users (exposé des motifs, dispositif) made harmless for every place it goes: the
pages, and the generated files (act, PV, register, SIP) whose renderers would otherwise load what it points to.

Plone's safe_html keeps `<a rel="attachment" href="file:///…">`, which WeasyPrint embeds in a PDF, and any scheme
in a link. Here: no `rel="attachment"`, no `<link>`, `<base>`, `<meta>`, `<style>` or embedded frame or object;
links only to relative, http(s), mailto: and tel: addresses; images only from relative, http(s) and data:image/
addresses (the renderers load none but the site's own: documents/fetcher.py). Applied when the text is saved
(clean_stored) and again when it is rendered (safe_output), for the texts stored before."""

from lxml import etree
from lxml import html as lxml_html

import re


LINK_SCHEMES = ("http", "https", "mailto", "tel")
SOURCE_SCHEMES = ("http", "https")
DROPPED = ("link", "base", "meta", "style", "script", "iframe", "frame", "frameset", "object", "embed", "applet")
SOURCES = ("src", "lowsrc", "dynsrc", "poster", "background", "data", "codebase", "action", "formaction", "xlink:href")
SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*)\s*:")
CONTROL = re.compile(r"[\x00-\x20]+")
XLINK = "{http://www.w3.org/1999/xlink}href"
CSS_URL = re.compile(r"url\s*\(\s*['\"]?([^'\")]*)", re.I)


def allowed(address, schemes):
    """Whether `address` is relative (or a fragment) or uses one of `schemes`; `data:image/` for sources."""
    found = SCHEME.match(CONTROL.sub("", address or ""))  # browsers ignore these inside a scheme ("fi le:")
    if found is None:
        return True
    scheme = found.group(1).lower()
    raster_image = scheme == "data" and re.match(r"^\s*data:image/(png|jpeg|gif|webp)[;,]", address, re.I)
    return scheme in schemes or (schemes is SOURCE_SCHEMES and bool(raster_image))


def _clean_element(element):
    """Remove the attributes of `element` that point where a renderer must not go; whether any was."""
    attributes = dict(element.attrib)
    if "attachment" in (element.get("rel") or "").lower().split():
        del element.attrib["rel"]
    if element.get("href") is not None and not allowed(element.get("href"), LINK_SCHEMES):
        del element.attrib["href"]
    for name in (*SOURCES, XLINK):
        if element.get(name) is not None and not allowed(element.get(name), SOURCE_SCHEMES):
            del element.attrib[name]
    srcset = [part.split()[0] for part in (element.get("srcset") or "").split(",") if part.split()]
    if not all(allowed(address, SOURCE_SCHEMES) for address in srcset):
        del element.attrib["srcset"]
    if not all(allowed(address, SOURCE_SCHEMES) for address in CSS_URL.findall(element.get("style") or "")):
        del element.attrib["style"]
    return dict(element.attrib) != attributes


def _cleaned(markup):
    """(`markup` cleaned, whether anything was removed)."""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    dropped = list(root.iter(*DROPPED))
    for element in dropped:
        element.drop_tree()
    changed = [_clean_element(element) for element in root.iter(etree.Element)]
    inner = (root.text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    inner += "".join(lxml_html.tostring(child, encoding="unicode") for child in root)
    return inner, bool(dropped) or any(changed)


def clean_html(markup):
    """`markup` (an HTML fragment) without what could make a renderer read a file or call an address."""
    return _cleaned(markup)[0] if markup and markup.strip() else markup or ""


def safe_output(value, context=None):
    """The HTML of the RichTextValue `value` as pages and renderers show it (relative to `context` if given),
    cleaned; None when it is empty."""
    if value is None or not getattr(value, "raw", None):
        return None
    return clean_html(value.output_relative_to(context) if context is not None else value.output)


def clean_stored(obj, *names):
    """Clean the stored rich text fields `names` of `obj` (its raw HTML), keeping their MIME types."""
    from plone.app.textfield.value import RichTextValue

    for name in names:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():  # a string set by code
            cleaned, changed = _cleaned(value)
            value = cleaned if changed else value
        elif isinstance(value, RichTextValue) and value.raw and value.mimeType == "text/html":
            cleaned, changed = _cleaned(value.raw)
            value = RichTextValue(cleaned, value.mimeType, value.outputMimeType, value.encoding) if changed else value
        else:
            continue
        if changed:
            setattr(obj, name, value)
