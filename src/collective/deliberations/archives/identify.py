"""PRONOM identification of a file by Siegfried (pygfried: its signature file ships inside the wheel)."""

import hashlib
import io
import os
import pygfried
import tempfile


def identify(path):
    """{puid, mime, format_name} of the file at `path`; empty values when Siegfried does not know it."""
    try:
        result = pygfried.identify(str(path), detailed=True)
    except Exception:  # pygfried.GoError, EmptySourceError: an unreadable or empty file is simply not identified
        return {"puid": "", "mime": "", "format_name": ""}
    matches = [m for f in result.get("files", ()) for m in f.get("matches", ()) if m.get("ns") == "pronom"]
    match = matches[0] if matches else {}
    puid = match.get("id", "")
    if puid.upper() == "UNKNOWN":
        puid = ""
    return {"puid": puid, "mime": match.get("mime", ""), "format_name": match.get("format", "") if puid else ""}


def identify_stream(stream):
    """Identification of an open file: its path on disk when it has one, else a temporary copy (small files)."""
    name = getattr(stream, "name", None)
    if isinstance(name, str) and os.path.isfile(name):
        return identify(name)
    position = stream.tell()
    with tempfile.NamedTemporaryFile(suffix=".bin") as copy:
        while chunk := stream.read(1 << 20):
            copy.write(chunk)
        copy.flush()
        stream.seek(position)
        return identify(copy.name)


# Identification when a document is added: Siegfried reads the whole file, which costs about 10 ms a megabyte; done
# once per upload, it spares the export that cost. Kept with the SHA-512 it was made for: a changed file is read again.

KEY = "collective.deliberations.archives.identification"


def _digest_and_identify(stream):
    digest, size = hashlib.sha512(), 0
    while chunk := stream.read(1 << 20):
        digest.update(chunk)
        size += len(chunk)
    stream.seek(0)
    return {"sha512": digest.hexdigest(), "size": size, **identify_stream(stream)}


def document_added(obj, event=None):
    """Subscriber: a File of a deliberation or a session is identified when it is added or changed."""
    from collective.deliberations.archives.retention import category_of
    from zope.annotation.interfaces import IAnnotations

    named = getattr(obj, "file", None)
    if named is None or category_of(obj) is None:
        return
    with named.open() as stream:
        IAnnotations(obj)[KEY] = _digest_and_identify(stream)


def stored_identification(obj):
    from zope.annotation.interfaces import IAnnotations

    stored = IAnnotations(obj).get(KEY)
    return dict(stored) if stored else None


_ACT = {}


def act_identification(text):
    """The format of the act's XHTML page, which this product writes itself: identified once per process."""
    digest = hashlib.sha512(text).hexdigest()
    if "format" not in _ACT:
        _ACT["format"] = identify_stream(io.BytesIO(text))
    return {"sha512": digest, "size": len(text), **_ACT["format"]}
