"""WSGI application factory of the instance (``use = egg:collective.deliberations#main``).

It is Zope's own factory, with our compatibility fixes applied before Zope reads
its configuration and loads the ZCML of every add-on.
"""

from collective.deliberations import compat  # noqa: F401
from Zope2.Startup.run import make_wsgi_app as zope_make_wsgi_app


def make_wsgi_app(global_config, zope_conf):
    return zope_make_wsgi_app(global_config, zope_conf)
