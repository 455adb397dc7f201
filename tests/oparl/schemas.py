"""The official OParl 1.1 schemas (../shared/oparl, see its PROVENANCE.md) as validators: the v1.1.1 release files
and the draft-7 branch's, whose ``$ref`` between files resolve through a registry over that folder. Embedded objects
(an agenda item in its meeting, a file in its paper) are validated against their own type's schema too."""

from jsonschema import Draft7Validator
from pathlib import Path
from referencing import Registry
from referencing import Resource
from referencing.jsonschema import DRAFT7

import json
import re


OPARL = Path(__file__).resolve().parents[3] / "shared" / "oparl"
DRAFT7_DIR = OPARL / "draft7-branch-b1e71403"
BASE = "https://schema.oparl.org/1.1/"
TYPES = [path.stem for path in sorted(OPARL.glob("*.json"))]


def _load(folder):
    return {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8")) for name in TYPES}


RELEASE = _load(OPARL)
DRAFT = _load(DRAFT7_DIR)
REGISTRY = Registry().with_resources(
    (uri, Resource.from_contents(schema, default_specification=DRAFT7))
    for name, schema in DRAFT.items()
    for uri in (f"{BASE}{name}", f"{BASE}{name}.json")
)
VALIDATORS = {name: (Draft7Validator(RELEASE[name]), Draft7Validator(DRAFT[name], registry=REGISTRY)) for name in TYPES}
URL_FIELDS = {name: {k for k, v in s["properties"].items() if v.get("format") == "url"} for name, s in RELEASE.items()}


def errors(data):
    """Every schema error of an OParl object and of the objects it embeds (empty when valid)."""
    kind = data.get("type", "").removeprefix(BASE)
    if kind not in VALIDATORS:
        return [f"unknown type {data.get('type')!r}"]
    found = [f"{kind}: {error.message}" for validator in VALIDATORS[kind] for error in validator.iter_errors(data)]
    for field in URL_FIELDS[kind]:
        if field in data and not re.match(r"^https?://", data[field]):
            found.append(f"{kind}.{field} is not a URL: {data[field]!r}")
    for value in data.values():
        for embedded in value if isinstance(value, list) else [value]:
            if isinstance(embedded, dict) and "type" in embedded:
                found.extend(errors(embedded))
    return found
