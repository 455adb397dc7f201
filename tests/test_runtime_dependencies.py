"""What the product imports at run time is installed by its dependencies, not only by the test extra (finding 3 of
issue 13: pypdf was in the test extra, so the tests passed and the SIP export of a fresh install answered 500)."""

from pathlib import Path

import pytest
import subprocess
import sys


HOOK = Path(__file__).resolve().parents[2] / "shared" / "hooks" / "runtime-imports.py"


def test_runtime_imports_are_runtime_dependencies(project_root):
    if not HOOK.is_file():
        pytest.skip(f"THE RUNTIME-IMPORTS CHECK IS ABSENT ({HOOK} not found): the dependencies are NOT checked")
    result = subprocess.run([sys.executable, str(HOOK)], cwd=project_root, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr
