"""deliberations-vault-check, run as an operator would: every SIP of the vault against its digests."""

from collective.deliberations.archives.transfer import transfer
from plone import api

import subprocess
import zipfile


def run_check(venv_bin, directory):
    return subprocess.run(
        [str(venv_bin / "deliberations-vault-check"), str(directory)], capture_output=True, text=True, timeout=120
    )


def test_vault_check_names_what_changed(archives, seda_schemas, vault, venv_bin):
    june = archives.closed_session("seance-2024-06", archives.old.start.replace(month=6))
    with api.env.adopt_user(username="archiviste"):
        first = transfer([archives.old])
        second = transfer([june])
    first_name, second_name = (entry["file"].rsplit("/", 1)[1] for entry in (first, second))
    result = run_check(venv_bin, vault)
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "2 SIP checked, 0 changed."), result.stderr

    # one file inside the second SIP changes, its .sha512 is brought in line: the manifest's digests still catch it
    with zipfile.ZipFile(second["file"]) as sip:
        members = {info.filename: sip.read(info.filename) for info in sip.infolist()}
    pdf = next(name for name in members if name.endswith(".pdf"))
    members[pdf] = members[pdf] + b"%% changed afterwards"
    with zipfile.ZipFile(second["file"], "w") as sip:
        for name, data in members.items():
            sip.writestr(name, data)
    from collective.deliberations.archives.sip import file_digest

    (vault / f"{second_name}.sha512").write_text(f"{file_digest(second['file'])}  {second_name}\n")
    # the first SIP gets a byte appended: its .sha512 no longer matches
    with open(first["file"], "ab") as stream:
        stream.write(b"\0")
    result = run_check(venv_bin, vault)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"CHANGED\t{first_name}" in lines and f"CHANGED\t{second_name}" in lines
    assert f"\t- {pdf}: its SHA-512 digest does not match the manifest" in lines
    assert lines[-1] == "2 SIP checked, 2 changed."


def test_vault_check_without_directory(venv_bin, tmp_path):
    result = run_check(venv_bin, tmp_path / "absent")
    assert result.returncode == 2
    assert "vault directory" in result.stderr
