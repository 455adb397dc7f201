"""Writing a SIP: a zip (stored, zip64) with the files under Content/ and manifest.xml at its root, streamed file
by file, validated before it leaves, then renamed into place atomically with its .sha512 beside it."""

from collective.deliberations import _
from collective.deliberations.archives.identify import identify_stream
from collective.deliberations.archives.seda import build_manifest
from collective.deliberations.archives.seda import serialize
from collective.deliberations.archives.validation import validate

import datetime
import errno
import hashlib
import os
import tempfile
import zipfile


CHUNK = 1 << 20


class HashingWriter:
    """The SIP's file, written forward only: zipfile then writes data descriptors instead of seeking back, and the
    SHA-512 of the whole zip is known when the last byte is written (no second reading of the SIP)."""

    def __init__(self, raw):
        self.raw = raw
        self.digest = hashlib.sha512()
        self.position = 0

    def write(self, data):
        self.digest.update(data)
        self.position += len(data)
        return self.raw.write(data)

    def tell(self):
        return self.position

    def seek(self, *args):
        raise OSError("forward only")

    def seekable(self):
        return False

    def flush(self):
        self.raw.flush()


class ExportError(Exception):
    """A SIP that could not be written: `message` is an i18n message for the user; nothing is left behind."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _copy(source, archive, uri):
    """Copy one source into the zip, with its SHA-512 and size computed on the way; the identification too."""
    digest, size = hashlib.sha512(), 0
    try:
        stream = source.open()
    except (OSError, KeyError, AttributeError) as error:
        raise ExportError(
            _(
                "error_sip_missing_file",
                default="The file ${name} cannot be read: ${error}. Nothing was exported.",
                mapping={"name": source.filename, "error": str(error)},
            )
        ) from error
    with stream:
        before = os.fstat(stream.fileno()) if hasattr(stream, "fileno") and _has_fd(stream) else None
        with archive.open(uri, "w", force_zip64=True) as target:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                target.write(chunk)
        known = source.identification or {}
        if known.get("sha512") == digest.hexdigest() and known.get("size") == size:
            identification = {key: known.get(key, "") for key in ("puid", "mime", "format_name")}
        else:  # not identified when it was added, or changed since: Siegfried reads it now
            stream.seek(0)
            identification = identify_stream(stream)
        if before is not None:
            after = os.fstat(stream.fileno())
            if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or after.st_size != size:
                raise ExportError(
                    _(
                        "error_sip_file_changed",
                        default="The file ${name} changed during the export. Nothing was exported: start again.",
                        mapping={"name": source.filename},
                    )
                )
    return digest.hexdigest(), size, identification


def _has_fd(stream):
    try:
        stream.fileno()
        return True
    except (OSError, AttributeError, ValueError):
        return False


def file_digest(path):
    digest = hashlib.sha512()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_directory(directory):
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_sip(directory, identifier, units, sources, header, schema_directory, filename=None):
    """Write `identifier`.zip (or `filename`) into `directory`; return (path, sha512 of the zip, manifest bytes).

    `header` holds comment, agreement, archival_agency, transferring_agency, originating_agency. A manifest that
    is not valid SEDA 2.2, a missing or changed file, a full disk or an interruption leave nothing in `directory`."""
    directory = os.fspath(directory)
    final = os.path.join(directory, filename or f"{identifier}.zip")
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{identifier}.", suffix=".part")
    digest_path = final + ".sha512"
    try:
        with os.fdopen(fd, "wb") as raw:
            writer = HashingWriter(raw)
            with zipfile.ZipFile(writer, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
                objects = []
                for number, source in enumerate(sources, 1):
                    uri = f"Content/{number:05d}_{source.filename}"
                    digest, size, identification = _copy(source, archive, uri)
                    objects.append(
                        {
                            "id": source.id,
                            "uri": uri,
                            "digest": digest,
                            "size": size,
                            "filename": source.filename,
                            "modified": source.modified,
                            "group": getattr(source, "group", None),
                            "version": getattr(source, "version", None),
                            **identification,
                        }
                    )
                message = {
                    **header,
                    "identifier": identifier,
                    "objects": objects,
                    "units": units,
                    "date": datetime.datetime.now().replace(microsecond=0),
                }
                root = build_manifest(message)
                validate(root, schema_directory)
                manifest = serialize(root)
                archive.writestr("manifest.xml", manifest)
            raw.flush()
            os.fsync(raw.fileno())
        sha512 = writer.digest.hexdigest()
        _write_atomically(digest_path, f"{sha512}  {os.path.basename(final)}\n".encode())
        os.rename(temporary, final)
        _fsync_directory(directory)
        return final, sha512, manifest
    except OSError as error:
        _remove(temporary)
        _remove(digest_path) if not os.path.exists(final) else None
        if error.errno == errno.ENOSPC:
            raise ExportError(
                _("error_sip_disk_full", default="The vault's disk is full: nothing was exported.")
            ) from error
        raise ExportError(
            _(
                "error_sip_write",
                default="The SIP could not be written (${error}): nothing was exported.",
                mapping={"error": str(error)},
            )
        ) from error
    except BaseException:
        _remove(temporary)
        raise


def _write_atomically(path, data):
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.rename(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def _remove(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
