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
"""

import zope.component.interfaces
import zope.interface.interfaces


def patch_documentviewer_imports():
    for name in ("IObjectEvent", "ObjectEvent"):
        if not hasattr(zope.component.interfaces, name):
            setattr(zope.component.interfaces, name, getattr(zope.interface.interfaces, name))


patch_documentviewer_imports()
