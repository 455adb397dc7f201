"""WSGI application factory of the instance (``use = egg:collective.deliberations#main``).

It is Zope's own factory, with our compatibility fixes applied before Zope reads
its configuration and loads the ZCML of every add-on, and without the header in
which Zope names itself and Python to whoever asks (``X-Powered-By``).
"""

from collective.deliberations import compat  # noqa: F401
from Zope2.Startup.run import make_wsgi_app as zope_make_wsgi_app


BANNERS = frozenset({"x-powered-by"})


def without_banner(app):
    """The WSGI application `app`, its answers without the headers that name the server's software."""

    def application(environ, start_response):
        def start(status, headers, exc_info=None):
            return start_response(status, [(k, v) for k, v in headers if k.lower() not in BANNERS], exc_info)

        return app(environ, start)

    return application


def make_wsgi_app(global_config, zope_conf):
    return without_banner(zope_make_wsgi_app(global_config, zope_conf))
