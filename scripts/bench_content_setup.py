"""Run by the instance's Python for scripts/bench_content.py (step 3): the two stock folders of Documents (the
baseline) and the facts the measures need, written as JSON.

    python bench_content_setup.py ZOPE_CONF SITE_ID DOCUMENTS DELIBERATIONS SESSIONS SEED REFERENCE OUT
"""

from collective.deliberations.zope_app import open_app
from collective.deliberations_demo.generator import plan
from datetime import date
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.component.hooks import setSite

import json
import sys
import time
import transaction


conf, site_id, documents, deliberations, sessions, seed, reference, out = sys.argv[1:]
app = open_app(conf)
portal = app[site_id]
setSite(portal)
started = time.monotonic()
# Two folders of stock Plone Documents, out of the navigation (see the docstring of bench_content.py); in the
# first, the portlets of the site (its navigation portlet) are blocked, as a site manager does in Manage portlets.
for folder_id, block in (("dossier-stock", True), ("dossier-stock-portlets", False)):
    if folder_id in portal.objectIds():
        continue
    portal.invokeFactory("Folder", folder_id, title="Dossier (Plone standard)", exclude_from_nav=True)
    folder = portal[folder_id]
    # every logged-in user reads it (set before the documents: they are indexed with it)
    folder.manage_setLocalRoles("AuthenticatedUsers", ["Reader"])
    folder.reindexObjectSecurity()
    for column in ("plone.leftcolumn", "plone.rightcolumn") if block else ():
        manager = getUtility(IPortletManager, name=column)
        getMultiAdapter((folder, manager), ILocalPortletAssignmentManager).setBlacklistStatus(CONTEXT_CATEGORY, True)
    for n in range(1, int(documents) + 1):
        folder.invokeFactory(
            "Document",
            f"document-{n:05d}",
            title=f"Compte rendu n° {n}",
            description="Un document ordinaire de Plone, pour comparer.",
            creators=("agent-urbanisme",),
            exclude_from_nav=True,
        )
        if n % 1000 == 0:
            transaction.commit()
            print(f"[{folder_id}] {n} documents {time.monotonic() - started:.1f} s", flush=True)
    transaction.commit()
the_plan = plan(int(deliberations), int(sessions), int(seed), date.fromisoformat(reference))
site = "/" + site_id
convening = the_plan.convening
council = [s for s in the_plan.sessions if s.body == convening.body and s.state == "closed" and s.items]
council.sort(key=lambda s: len(s.items))
typical = council[len(council) // 2]
first = convening.items[0]
facts = {
    "site": site,
    "folder": site + "/dossier-stock",
    "stock_folder": site + "/dossier-stock-portlets",
    "documents": len(portal["dossier-stock"].objectIds()),
    "convening": f"{site}/{convening.path}",
    "convening_items": len(portal.unrestrictedTraverse(convening.path).agenda()),
    "convening_deliberation": f"{site}/{first.path}",
    "convening_deliberations": [f"{site}/{d.path}" for d in convening.items],
    "typical": f"{site}/{typical.path}",
    "typical_items": len(portal.unrestrictedTraverse(typical.path).agenda()),
    "states": the_plan.counts(),
}
json.dump(facts, open(out, "w"), indent=1)
app._p_jar.db().close()
