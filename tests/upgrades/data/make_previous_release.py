#!/usr/bin/env python3
"""Remake previous-release.tar.xz: the demo site as the previous release (profile version 1000) created it.

    .venv/bin/python tests/upgrades/data/make_previous_release.py [COMMIT]   # default: ca0a9cc

It checks COMMIT out in a temporary git worktree, runs that commit's ``deliberations-site`` (its code first on
sys.path, checked in the same process) against a temporary instance, packs the FileStorage and writes
Data.fs and the blobs beside this script as previous-release.tar.xz. The worktree is removed afterwards.
"""

from pathlib import Path

import subprocess
import sys
import tarfile
import tempfile
import time


HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
PREVIOUS_RELEASE = "ca0a9cc"
ARCHIVE = HERE / "previous-release.tar.xz"

# The demo distribution of this checkout (demo/, installed in the venv) is not the previous release's: its source
# leaves sys.path, and Plone's autoinclude passes over its entry point (AUTOINCLUDE_ALLOW_MODULE_NOT_FOUND_ERROR).
CREATE = """
import sys
sys.path[:] = [path for path in sys.path if not path.rstrip("/").endswith("/demo/src")]
import collective.deliberations
assert collective.deliberations.__file__.startswith(sys.argv[1]), collective.deliberations.__file__
print("code of", collective.deliberations.__file__, flush=True)
from collective.deliberations.demo.cli import main
sys.exit(main([sys.argv[2]]))
"""


def run(*command, **kwargs):
    print("$", " ".join(str(part) for part in command), flush=True)
    subprocess.run(command, check=True, **kwargs)


def pack(var):
    from ZODB.FileStorage import FileStorage

    import ZODB

    db = ZODB.DB(FileStorage(str(var / "filestorage" / "Data.fs"), blob_dir=str(var / "blobstorage")))
    db.pack(time.time())
    db.close()


def main(commit=PREVIOUS_RELEASE):
    with tempfile.TemporaryDirectory(prefix="previous-release-") as work:
        work = Path(work)
        tree, instance = work / "tree", work / "instance"
        run("git", "worktree", "add", "--detach", str(tree), commit, cwd=ROOT)
        try:
            run(sys.executable, str(tree / "scripts" / "instance_config.py"), "--instance", str(instance))
            env = {
                "PYTHONPATH": str(tree / "src"),
                "DELIBERATIONS_MAIL_PORT": "1",
                "PATH": "/usr/bin:/bin",
                "AUTOINCLUDE_ALLOW_MODULE_NOT_FOUND_ERROR": "collective.deliberations_demo",
            }
            conf = instance / "etc" / "zope.conf"
            run(sys.executable, "-c", CREATE, str(tree / "src"), str(conf), env=env, cwd=work)
        finally:
            run("git", "worktree", "remove", "--force", str(tree), cwd=ROOT)
        var = instance / "var"
        pack(var)
        with tarfile.open(ARCHIVE, "w:xz") as archive:
            archive.add(var / "filestorage" / "Data.fs", "filestorage/Data.fs")
            archive.add(var / "blobstorage", "blobstorage")
    print(f"wrote {ARCHIVE} ({ARCHIVE.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
