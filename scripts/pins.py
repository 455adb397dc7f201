#!/usr/bin/env python3
"""Generate buildout's versions.cfg from pip's constraints.txt, so both installs share one set of pins.

python scripts/pins.py           # rewrite versions.cfg
python scripts/pins.py --check   # exit 1 and name the differences when versions.cfg is stale
"""

from pathlib import Path

import re
import sys


ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
VERSIONS = ROOT / "versions.cfg"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")
HEADER = """\
# Generated from constraints.txt by scripts/pins.py: do not edit by hand.
[versions]
"""


def read_constraints(path=CONSTRAINTS):
    """The pins of a pip constraints file, as {name: version}."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[match.group(1)] = match.group(2)
    return pins


def read_versions(path=VERSIONS):
    """The pins of a buildout [versions] section, as {name: version}."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, version = line.partition("=")
        if sep and not line.startswith(("#", "[")):
            pins[name.strip()] = version.strip()
    return pins


def render(pins):
    lines = [f"{name} = {version}" for name, version in sorted(pins.items(), key=lambda p: p[0].lower())]
    # the add-on itself comes from the checkout (develop = .), never from an index
    return HEADER + "\n".join(lines) + "\n"


def differences(constraints, versions):
    """Human-readable lines for each pin that the two files do not share."""
    out = []
    for name in sorted(set(constraints) | set(versions), key=str.lower):
        left, right = constraints.get(name), versions.get(name)
        if left != right:
            out.append(f"{name}: constraints.txt has {left or 'nothing'}, versions.cfg has {right or 'nothing'}")
    return out


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    constraints = read_constraints()
    if "--check" in argv:
        diff = differences(constraints, read_versions()) if VERSIONS.exists() else ["versions.cfg is missing"]
        for line in diff:
            print(line)
        if diff:
            print("Run: python scripts/pins.py  (regenerates versions.cfg from constraints.txt)")
            return 1
        print(f"versions.cfg agrees with constraints.txt ({len(constraints)} pins)")
        return 0
    VERSIONS.write_text(render(constraints), encoding="utf-8")
    print(f"wrote {VERSIONS.name} with {len(constraints)} pins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
