"""The Zope application of an instance, opened by a command (deliberations-convert, the demo's deliberations-site)
rather than served: its zope.conf loaded, a request around it, the system user acting."""

import os


def request_environ(url):
    """The request a browser at `url` would make: the site's absolute URLs (the officials' links in the
    convocations a command sends) are then those of the running instance, not http://nohost."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    https = parts.scheme == "https"
    return {
        "SERVER_NAME": parts.hostname or "127.0.0.1",
        "SERVER_PORT": str(parts.port or (443 if https else 80)),
        "HTTPS": "on" if https else "off",
        "wsgi.url_scheme": parts.scheme or "http",
    }


def open_app(zope_conf, url="http://127.0.0.1:8080"):
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system
    from Testing.makerequest import makerequest
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import make_wsgi_app

    import Zope2

    # A command, not a server: the documents it adds wait in the conversion queue for the instance's worker, and
    # no background thread works on the database while the command creates or deletes the site.
    os.environ.setdefault("DELIBERATIONS_CONVERSION_WORKER", "off")
    os.environ.setdefault("DELIBERATIONS_MAIL_RETRY", "off")  # the instance's retrier sends what is left
    make_wsgi_app({}, zope_conf)
    app = makerequest(Zope2.app(), environ=request_environ(url))
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    return app
