"""Compatibility fixes for dependencies, in one place.

collective.documentviewer 6.0.3 (the last release) was written for Plone 5:

* ``collective.documentviewer`` imports ``IObjectEvent`` and ``ObjectEvent`` from
  ``zope.component.interfaces``, which no longer re-exports them (they live in
  ``zope.interface.interfaces``). We put the names back before the package loads.
* ``repoze.catalog``, which it uses for its per-document text index, imports
  ``six`` without declaring it: our ``pyproject.toml`` depends on ``six``.

This module is imported by ``collective.deliberations/__init__.py``, by the WSGI
application factory of the instance (``collective.deliberations.wsgi``), by the
buildout ``initialization`` option and by the test layers, each time before any
ZCML is loaded. Remove it when collective.documentviewer is fixed upstream.

plone.formwidget.namedfile reads a Classic form's whole upload into memory: see
``patch_namedfile_upload_in_chunks``, applied on import like the above.
"""

import zope.component.interfaces
import zope.interface.interfaces


def patch_documentviewer_imports():
    for name in ("IObjectEvent", "ObjectEvent"):
        if not hasattr(zope.component.interfaces, name):
            setattr(zope.component.interfaces, name, getattr(zope.interface.interfaces, name))


patch_documentviewer_imports()


def patch_namedfile_upload_in_chunks():
    """plone.formwidget.namedfile reads a whole upload into memory (``value.read()``) before it makes the blob file
    of a Classic form's file field: a 300 MB upload cost 300 MB more in the Zope process. For blob file fields we
    hand the upload itself to the blob file, which plone.namedfile copies in chunks (its FileUpload storable)."""
    try:
        from plone.formwidget.namedfile import converter
        from plone.formwidget.namedfile import utils
        from plone.namedfile.file import NamedBlobFile
    except ImportError:  # not installed: nothing to patch
        return
    original = converter.NamedDataConverter.toFieldValue
    if getattr(original, "in_chunks", False):
        return

    def toFieldValue(self, value):
        request, name = self.widget.request, self.widget.name
        nochange = request.get(f"{name}.action", None) == "nochange" and not request.get(f"{name}.file_upload_id")
        if nochange or self.field._type is not NamedBlobFile or not utils.is_file_upload(value):
            return original(self, value)
        filename = converter.safe_basename(value.filename)
        if isinstance(filename, bytes):
            filename = filename.decode("utf-8")
        value.seek(0, 2)
        size = value.tell()
        value.seek(0)
        if not size and not filename:
            return self.field.missing_value
        return NamedBlobFile(data=value, filename=filename)

    toFieldValue.in_chunks = True
    converter.NamedDataConverter.toFieldValue = toFieldValue


patch_namedfile_upload_in_chunks()


def patch_documentviewer_subprocesses():
    """collective.documentviewer runs qpdf, gm (and its gs), pdftotext and tesseract with a bare ``Popen``: no time
    limit, in the Zope process's own group, so that a 5,000-page PDF held the worker for an hour and a stop left its
    programs running. Its ``BaseSubProcess._run_command`` goes through ``documents.processes.run`` instead: a group
    of its own, the job's time limit and cancellation. Called by documents/converter.py, which loads documentviewer."""
    from collective.deliberations.documents import processes
    from collective.documentviewer import convert

    if getattr(convert.BaseSubProcess._run_command, "limited", False):
        return

    def _run_command(self, cmd):
        if isinstance(cmd, str):
            cmd = cmd.split()
        code, output, error = processes.run(cmd)
        output, error = output.decode("utf-8", "replace"), error.decode("utf-8", "replace")
        if code != 0:
            raise Exception(
                f"Command\n{' '.join(cmd)}\nfinished with return code\n{code}\nand output:\n{output}\n{error}"
            )
        return output

    _run_command.limited = True
    convert.BaseSubProcess._run_command = _run_command
