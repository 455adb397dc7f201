"""PRONOM identification of a file by Siegfried (pygfried: its signature file ships inside the wheel)."""

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
