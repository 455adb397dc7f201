"""What a background thread of a Zope process (the conversion worker, the mail retrier) needs to work on the
database: a connection and transaction manager of its own, the system user, a request, and each Plone site in turn,
the request speaking that site's language (its `plone.default_language`), as a visitor's request would: the mails
of the retrier and the conversion worker's messages are then French, dates included.

Run inline (tests, console scripts), the caller's site, security manager and request are given back afterwards."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.users import system
from contextlib import contextmanager
from plone import api
from plone.i18n.utility import setLanguageBinding
from Products.CMFPlone.interfaces import IPloneSiteRoot
from Testing.makerequest import makerequest
from ZODB.POSException import ConflictError
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest

import logging
import threading
import transaction


logger = logging.getLogger("collective.deliberations")


def commit_apart(db, work, what, attempts=5):
    """Run ``work(connection)`` in a transaction of its own on ``db``, after the request's has ended (an after-commit
    hook, a mail sent outside the request), retried on conflicts; False, and ``what`` logged, if it never commits."""
    manager = transaction.TransactionManager()
    for _attempt in range(attempts):
        connection = db.open(transaction_manager=manager)
        try:
            manager.begin()
            work(connection)
            manager.commit()
            return True
        except ConflictError:
            manager.abort()
        finally:
            connection.close()
    logger.error("could not record %s", what)
    return False


@contextmanager
def working_on(db):
    """(manager, sites): the transaction manager of a new connection to `db`, begun, and an iterator of its Plone
    sites, each set as the current site when it is handed out. Aborts and closes on leaving."""
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    saved = getSite(), getSecurityManager(), getRequest()
    try:
        manager.begin()
        app = makerequest(connection.root()["Application"])
        setRequest(app.REQUEST)
        newSecurityManager(None, system)
        yield manager, _sites(app)
    finally:
        manager.abort()
        connection.close()
        setSite(saved[0])
        setSecurityManager(saved[1])
        if saved[2] is None:
            clearRequest()
        else:
            setRequest(saved[2])


def _sites(app):
    paths = [site.getPhysicalPath() for site in app.objectValues() if IPloneSiteRoot.providedBy(site)]
    for path in paths:
        portal = app.unrestrictedTraverse(path)
        setSite(portal)
        speak_the_sites_language(app.REQUEST)
        yield portal


def speak_the_sites_language(request):
    """Give `request` the site's negotiated language (no visitor: its default language) where zope.i18n and Plone
    look for it: `request["LANGUAGE"]`, the language binding, and the Accept-Language header."""
    language = setLanguageBinding(request) or api.portal.get_default_language() or "fr"
    request["LANGUAGE"] = language
    request.environ["HTTP_ACCEPT_LANGUAGE"] = request["HTTP_ACCEPT_LANGUAGE"] = language
    return language


class PollingThread(threading.Thread):
    """Calls `work()` every `interval` seconds, or at once when woken, until stopped; an error is logged and the
    thread goes on (a background thread that dies would leave its queue unattended until the process restarts)."""

    def __init__(self, name, interval, work):
        super().__init__(name=name, daemon=True)
        self.interval, self.work = interval, work
        self.woken = threading.Event()
        self.stopping = threading.Event()

    def wake(self):
        self.woken.set()

    def stop(self, wait=False):
        self.stopping.set()
        self.woken.set()
        if wait:
            self.join()

    def run(self):
        while not self.stopping.is_set():
            self.woken.clear()
            try:
                self.work()
            except Exception:
                logger.exception("%s: unexpected error, going on", self.name)
            self.woken.wait(self.interval)
