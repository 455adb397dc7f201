"""acts/ sits below the séance, the portal and the archives: none of its modules imports them, not even inside a
function (a lazy import is still a circle)."""

from pathlib import Path

import ast
import collective.deliberations.acts


ABOVE = ("seance", "portal", "archives", "convocation")


def imported(path, root):
    package = ["collective", "deliberations", *path.relative_to(root.parent).parts[:-1]]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            yield ".".join([*base, *(node.module or "").split(".")])
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_acts_imports_nothing_above_it():
    root = Path(collective.deliberations.acts.__file__).parent
    upward = {
        f"{path.relative_to(root)}: {name}"
        for path in root.rglob("*.py")
        for name in imported(path, root)
        if name.split(".")[:3] in (["collective", "deliberations", package] for package in ABOVE)
    }
    assert not upward
