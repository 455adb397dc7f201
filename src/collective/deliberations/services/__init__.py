"""REST services of collective.deliberations (plone.restapi)."""
