"""The demo is a second distribution (demo/, collective.deliberations_demo) that a production install never has:
no module of the product imports it, not even inside a function (issue 14, item 5)."""

from pathlib import Path

import ast


PRODUCT = Path(__file__).resolve().parents[1] / "src" / "collective" / "deliberations"
DEMO = "collective.deliberations_demo"


def imported_names(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_the_product_imports_nothing_of_the_demo():
    modules = sorted(PRODUCT.rglob("*.py"))
    assert len(modules) > 100
    offenders = [
        f"{path.relative_to(PRODUCT)}: {name}"
        for path in modules
        for name in imported_names(ast.parse(path.read_text(encoding="utf-8")))
        if name == DEMO or name.startswith(DEMO + ".") or name == "collective.deliberations.demo"
    ]
    assert offenders == []


def test_the_product_zcml_and_profiles_do_not_name_the_demo():
    texts = [path for pattern in ("*.zcml", "*.xml") for path in PRODUCT.rglob(pattern)]
    assert [str(path.relative_to(PRODUCT)) for path in texts if DEMO in path.read_text(encoding="utf-8")] == []


def test_the_demo_is_no_part_of_the_product_wheel(project_root):
    """The product's wheel packs src/collective: the demo lives under demo/, its own distribution."""
    assert not (project_root / "src" / "collective" / "deliberations_demo").exists()
    assert not (PRODUCT / "demo").exists()
