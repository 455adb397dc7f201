"""A long document never delays a short one (issue 13, finding 8): the worker takes the short documents first and
converts them in a quick lane of their own, while the long one converts in the other lane; deleting a document stops
its conversion, here or in another process; a stopped or killed process leaves no program and no directory."""

from . import files
from .conftest import add_file
from .conftest import our_directories
from .conftest import our_programs
from .conftest import programs_in
from collective.deliberations.documents import processes
from collective.deliberations.documents import queue as jobs
from collective.deliberations.documents.lanes import start_worker
from collective.deliberations.documents.status import get_status
from content.conftest import World
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import os
import pytest
import signal
import subprocess
import sys
import tempfile
import time
import transaction


def wait(condition, seconds, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        transaction.begin()  # see what the worker committed
        if condition():
            return True
        time.sleep(step)
    return False


@pytest.fixture
def worker(functional):
    started = []

    def start():
        started.append(start_worker(functional["zodbDB"], interval=0.2))
        return started[-1]

    yield start
    for running in started:
        running.stop()
        running.join(60)


def converting(document, seconds=60):
    """Wait until a worker runs the document's conversion (its job claimed, its programs started)."""
    job = jobs.queue_of(api.portal.get())[document.UID()]
    assert wait(lambda: job.claimed_by is not None, seconds)
    time.sleep(3)


@pytest.fixture
def long_pdf(samples, tmp_path):
    """400 pages: minutes of page images."""
    return files.long_pdf(samples["text.pdf"], tmp_path / "recueil.pdf", 400)


def test_a_short_document_queued_after_a_long_one_is_converted_first(folder, runner, limits, samples, long_pdf):
    limits(quick_pages=5)
    long = add_file(folder, long_pdf.read_bytes(), "recueil.pdf")
    short = add_file(folder, samples["office.docx"].read_bytes(), "note.docx")
    assert runner(limit=2) == 2  # the long one counted (5 pages at most first), then the short one converted
    assert get_status(short)["state"] == "converted"
    assert get_status(long)["state"] == "pending"
    job = jobs.queue_of(api.portal.get())[long.UID()]
    assert (job.priority, job.attempts, job.claimed_by) == (jobs.LONG, 0, None)  # waits in the lane of long ones


def test_the_quick_lane_converts_a_short_document_while_a_long_one_converts(folder, worker, limits, samples, long_pdf):
    limits(quick_pages=5)
    long = add_file(folder, long_pdf.read_bytes(), "recueil.pdf")
    worker()
    converting(long)
    short = add_file(folder, samples["office.docx"].read_bytes(), "note.docx")
    started = time.monotonic()
    assert wait(lambda: get_status(short)["state"] == "converted", 120), get_status(short)
    assert time.monotonic() - started < 120
    assert get_status(long)["state"] == "pending"  # still converting in the other lane: its pages are drawn
    assert any("gm" in command for command in our_programs().values())


@pytest.mark.parametrize("where", ["here", "in another process"])
def test_deleting_a_document_stops_its_conversion(folder, worker, samples, long_pdf, where):
    long = add_file(folder, long_pdf.read_bytes(), "recueil.pdf")
    uid = long.UID()
    worker()
    converting(long)
    if where == "here":
        api.content.delete(long)
    else:  # what the deletion does to the queue, committed by another process: nothing tells this one
        jobs.dequeue(api.portal.get(), uid)
    transaction.commit()
    short = add_file(folder, samples["office.docx"].read_bytes(), "suivant.docx")  # both lanes are free again
    assert wait(lambda: get_status(short)["state"] == "converted", 60)
    assert uid not in jobs.queue_of(api.portal.get())
    assert wait(lambda: not our_programs() and not our_directories(), 10), our_programs()


def test_deleting_a_deliberation_removes_the_jobs_of_its_documents(functional_portal, runner):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    draft = World(functional_portal).draft("Subvention au club")
    with api.env.adopt_user(username="agent"):
        annex = add_file(draft, b"%PDF-1.4 annexe", "annexe.pdf")
    uid = annex.UID()
    assert uid in jobs.queue_of(functional_portal)
    api.content.delete(draft)
    transaction.commit()
    assert uid not in jobs.queue_of(functional_portal)
    assert runner() == 0


CONVERSION_ELSEWHERE = """
import sys
from collective.deliberations.documents import processes
processes.stop_on_exit()
with processes.job_space("bombe", 600) as space:
    print(space.directory, flush=True)
    profile = f"file://{space.directory}/profile"
    processes.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", space.directory, sys.argv[1]])
"""


@pytest.fixture
def elsewhere(bomb):
    """A process converting a docx of 300 MB unpacked by LibreOffice (no check), as the worker of another Zope
    process would: (process, its job directory), once LibreOffice works."""
    process = subprocess.Popen(
        [sys.executable, "-c", CONVERSION_ELSEWHERE, str(bomb)], stdout=subprocess.PIPE, text=True
    )
    directory = process.stdout.readline().strip()
    assert directory.startswith(os.path.join(tempfile.gettempdir(), processes.PREFIX))

    def working():
        return [pid for pid, command in programs_in(directory).items() if "soffice" in command]

    assert wait(lambda: working(), 60)
    yield process, directory
    process.kill()
    process.wait()
    for group in processes.programs_in([directory]):
        processes.kill_group(group)


def test_make_stop_ends_the_conversion_with_its_programs_and_directory(elsewhere):
    process, directory = elsewhere
    process.send_signal(signal.SIGTERM)  # what make stop sends
    process.wait(30)
    assert wait(lambda: not programs_in(directory), 10), programs_in(directory)
    assert not os.path.exists(directory)


def test_what_a_killed_process_left_is_removed_when_a_worker_starts(elsewhere):
    process, directory = elsewhere
    process.kill()  # kill -9: nothing of it runs any more, but LibreOffice goes on, orphaned
    process.wait(30)
    # LibreOffice usually goes on, orphaned; it may also die of its broken pipe to the killed parent, which leaves
    # the directory all the same: either way nothing may remain once a worker has started.
    assert os.path.isdir(directory)
    assert directory in processes.clean_stale()  # what each worker does when its process opens the database
    assert wait(lambda: not programs_in(directory), 10), programs_in(directory)
    assert not os.path.exists(directory)
