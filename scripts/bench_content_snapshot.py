"""Run by the instance's Python for scripts/bench_content.py: the catalog's security index of every object and,
after the transaction id SINCE ("-": none), what each later transaction wrote, written as JSON.

    python bench_content_snapshot.py ZOPE_CONF SITE_ID OUT SINCE
"""

from collective.deliberations.zope_app import open_app
from ZODB.utils import get_pickle_metadata
from ZODB.utils import p64
from ZODB.utils import u64

import json
import sys


conf, site_id, out, since = sys.argv[1:]
app = open_app(conf)
portal = app[site_id]
catalog = portal.portal_catalog._catalog
index = catalog.indexes["allowedRolesAndUsers"]._unindex
security = {catalog.paths[rid]: sorted(index.get(rid, ())) for rid in catalog.paths}
storage = app._p_jar.db().storage
result = {"security": security, "tid": u64(storage.lastTransaction()), "transactions": []}
if since != "-":
    # What each transaction after `since` wrote: content objects by path, the rest counted by class.
    paths = {}
    for path in security:
        obj = portal.unrestrictedTraverse(path, None)
        if obj is not None and getattr(obj, "_p_oid", None):
            paths[obj._p_oid] = path
    for txn in storage.iterator(p64(int(since) + 1)):
        content, other = [], {}
        for record in txn:
            if record.oid in paths:
                content.append(paths[record.oid])
            else:
                module, name = get_pickle_metadata(record.data)
                other[name] = other.get(name, 0) + 1
        note = txn.description.decode("utf-8", "replace") if isinstance(txn.description, bytes) else txn.description
        result["transactions"].append({"note": note, "content": sorted(content), "other": other})
json.dump(result, open(out, "w"))
app._p_jar.db().close()
