"""Electronic convocation of a session with its legal proof, and the officials' extranet.

Convening checks the legal conditions (checks.py), records one convocation per recipient on the session
(storage.py), sends the messages once the transaction has committed (sending.py), keeps a timestamped manifest of
what was sent (proof.py) and gives each recipient a personal link (storage.py tokens, browser/link.py).
"""

from contextlib import contextmanager

import threading


_local = threading.local()


@contextmanager
def replaying_history():
    """Data replayed from the past (the generator, the demo's closed session): convening then neither checks the
    délai nor sends anything. Only trusted code can enter it: it is no request parameter."""
    previous = getattr(_local, "replaying", False)
    _local.replaying = True
    try:
        yield
    finally:
        _local.replaying = previous


def is_replaying():
    return getattr(_local, "replaying", False)
