"""deliberations-vault-check [DIRECTORY]: check every SIP of the vault against its digests and name those changed.

For each SIP: the SHA-512 of the zip against its .sha512 file, then every file under Content/ against the digest
and size its manifest gives. Needs no Zope: it reads the directory only. Exit status 1 when anything is wrong."""

from collective.deliberations.archives.sip import file_digest
from collective.deliberations.archives.validation import check_structure
from lxml import etree
from pathlib import Path

import argparse
import os
import sys
import zipfile


def check_sip(path):
    """The problems of the SIP at `path` (empty: intact)."""
    digest_file = path.with_name(path.name + ".sha512")
    if not digest_file.is_file():
        return ["no .sha512 file beside it"]
    expected = digest_file.read_text().split()[0] if digest_file.read_text().split() else ""
    if file_digest(path) != expected:
        return ["the zip's SHA-512 differs from its .sha512 file: it changed since it was written"]
    try:
        with zipfile.ZipFile(path) as sip:
            root = etree.fromstring(sip.read("manifest.xml"), etree.XMLParser(resolve_entities=False, no_network=True))
            return check_structure(root, sip.open)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        return [f"unreadable: {error}"]


def check_vault(directory):
    """{file name: [problems]} for every SIP of `directory`, and .sha512 files whose SIP is gone."""
    directory = Path(directory)
    report = {path.name: check_sip(path) for path in sorted(directory.glob("*.zip"))}
    for digest_file in sorted(directory.glob("*.zip.sha512")):
        if not digest_file.with_suffix("").exists():
            report[digest_file.with_suffix("").name] = ["the SIP is missing (only its .sha512 is there)"]
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=os.environ.get("DELIBERATIONS_VAULT"))
    options = parser.parse_args(argv)
    if not options.directory or not Path(options.directory).is_dir():
        print("Give the vault directory (or set DELIBERATIONS_VAULT).", file=sys.stderr)
        return 2
    report = check_vault(options.directory)
    changed = {name: problems for name, problems in report.items() if problems}
    for name, problems in report.items():
        print(f"{'CHANGED' if problems else 'ok'}\t{name}" + "".join(f"\n\t- {p}" for p in problems))
    print(f"{len(report)} SIP checked, {len(changed)} changed.")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
