"""deliberations-convert: the conversion queue of an instance worked off by a command (cron, systemd), with its
progress printed, on the demo site made by the same command as `make run`."""

from test_demo_site import instance
from test_demo_site import run

import re
import subprocess
import textwrap


STATUSES = textwrap.dedent(
    """
    from collective.deliberations.documents.status import get_status
    site = app.Plone
    states = {}
    for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="File"):
        status = get_status(brain._unrestrictedGetObject()) or {}
        states[status.get("state")] = states.get(status.get("state"), 0) + 1
    print("states", sorted(states.items()))
    """
)


def states(venv_bin, zope_conf, tmp_path):
    script = tmp_path / "statuses.py"
    script.write_text(STATUSES)
    lines = run([venv_bin / "zconsole", "run", str(zope_conf), str(script)]).splitlines()
    line = next(x for x in lines if x.startswith("states "))
    return dict(eval(line.split(" ", 1)[1]))  # noqa: S307  (our own script's printed list of pairs)


def test_convert_command_works_off_the_queue(project_root, venv_bin, tmp_path):
    zope_conf, _ini = instance(project_root, tmp_path)
    run([venv_bin / "deliberations-site", str(zope_conf)])  # its documents wait for a worker: it runs none

    output = run([venv_bin / "deliberations-convert", str(zope_conf), "--limit", "2"])
    pending = int(re.search(r"/Plone: (\d+) document\(s\) due now, \1 in the queue", output).group(1))
    assert pending >= 3, output
    assert re.search(r"^\[deliberations-convert\] 1/2 converted /Plone/\S+ \(\d+ pages\)", output, re.M), output
    assert re.search(r"^\[deliberations-convert\] 2/2 converted ", output, re.M), output
    assert f"2 converted, 0 failed; {pending - 2} left in the queue" in output, output

    again = run([venv_bin / "deliberations-convert", str(zope_conf), "--limit", "1"])  # the next one, not the same
    assert f"/Plone: {pending - 2} document(s) due now" in again, again
    assert f"1 converted, 0 failed; {pending - 3} left in the queue" in again, again
    # the documents themselves say so (the queue may hold jobs of other kinds too: archives' PDF/A copies)
    assert states(venv_bin, zope_conf, tmp_path)["converted"] == 3


def test_convert_command_needs_a_zope_conf(venv_bin, tmp_path):
    result = subprocess.run([venv_bin / "deliberations-convert"], capture_output=True, text=True)
    assert result.returncode == 2 and "zope_conf" in result.stderr
