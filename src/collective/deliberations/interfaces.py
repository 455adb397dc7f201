"""Marker interfaces of collective.deliberations."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Requests to a site where collective.deliberations is installed."""
