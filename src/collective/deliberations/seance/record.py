"""What the secretariat records during a séance, kept on the session (an annotation), apart from its content."""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations


KEY = "collective.deliberations.seance"


class SeanceRecord(Persistent):
    """Roll call, proxies, movements during the séance (withdrawals for a conflict of interest too), votes per item."""

    def __init__(self):
        self.attendance = PersistentMapping()  # member id -> present | absent | excused | represented
        self.proxies = PersistentMapping()  # member represented -> member holding the proxy
        # {"member", "item", "kind", "proxy"} in the order entered: an arrival or a departure counts from its item on,
        # a conflict (out of the room for a conflict of interest) for its item only
        self.movements = PersistentList()
        self.reconvened = False  # convened again for lack of quorum: no quorum needed (CGCT L2121-17)
        self.votes = OOBTree()  # item id -> the recorded vote and its result (a plain dict, replaced whole)


def get_record(session, create=False):
    """The séance's record, or None before anything was recorded (create=True makes it)."""
    annotations = IAnnotations(session)
    record = annotations.get(KEY)
    if record is None and create:
        record = annotations[KEY] = SeanceRecord()
    return record
