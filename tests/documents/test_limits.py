"""The conversion queue cannot be blocked by one document (issue 13, finding 8): an office file that unpacks to
hundreds of MB is refused before LibreOffice opens it, a PDF of too many pages before its pages are drawn, and a
conversion over its time is stopped with every program it started; each refused document keeps its file and says
why; no temporary directory is left behind."""

from . import files
from .conftest import add_file
from .conftest import our_directories
from .conftest import our_programs
from .conftest import programs_in
from .conftest import reason
from collective.deliberations.documents.status import get_status

import pytest
import threading
import time


class Sampler(threading.Thread):
    """What ran during a conversion: the programs and directories seen, every 0.2 s."""

    def __init__(self):
        super().__init__(daemon=True)
        self.programs, self.directories, self.done = set(), set(), threading.Event()

    def run(self):
        while not self.done.wait(0.2):
            self.programs.update(command.split()[0].rsplit("/", 1)[-1] for command in our_programs().values())
            self.directories.update(our_directories())

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.join()


def download(request_factory, document):
    response = request_factory(role="Manager", api=False).get(document.absolute_url() + "/@@download/file")
    assert response.status_code == 200
    return response.content


def test_a_docx_that_unpacks_to_300_mb_is_refused_without_libreoffice(folder, runner, request_factory, bomb):
    assert bomb.stat().st_size < 2**20
    document = add_file(folder, bomb.read_bytes(), "annexe.docx")
    started = time.monotonic()
    with Sampler() as seen:
        assert runner() == 1
    assert time.monotonic() - started < 20
    assert get_status(document)["state"] == "failed"
    assert reason(document) == (
        "Conversion refusée : une fois décompressé, le fichier occupe 300 Mo (au plus 200 Mo). Il reste téléchargeable."
    )
    assert not any(program.startswith("soffice") for program in seen.programs)
    assert download(request_factory, document) == bomb.read_bytes()


def test_a_pdf_of_5000_pages_is_refused_before_its_pages_are_drawn(folder, runner, request_factory, samples, tmp_path):
    long = files.long_pdf(samples["text.pdf"], tmp_path / "recueil.pdf", 5000)
    document = add_file(folder, long.read_bytes(), "recueil.pdf")
    started = time.monotonic()
    assert runner() == 1
    assert time.monotonic() - started < 30
    assert get_status(document)["state"] == "failed"
    assert reason(document) == (  # thousands apart by a no-break space, as French writes them
        "Conversion refusée : le document dépasse 2\u00a0000 pages (5\u00a0000). Il reste téléchargeable."
    )
    assert download(request_factory, document) == long.read_bytes()


def test_a_conversion_over_its_time_is_stopped_with_all_its_programs(folder, runner, limits, samples, tmp_path):
    limits(max_seconds=3)
    long = files.long_pdf(samples["text.pdf"], tmp_path / "long.pdf", 300)
    document = add_file(folder, long.read_bytes(), "long.pdf")
    started = time.monotonic()
    with Sampler() as seen:
        runner()
    assert time.monotonic() - started < 20  # a few seconds more than the limit, not the minutes of 300 pages
    status = get_status(document)
    assert (status["state"], status["attempts"]) == ("failed", 1)  # not tried again
    assert reason(document) == (
        "Conversion interrompue après 3 s : le document demande trop de temps. Il reste téléchargeable."
    )
    assert "gm" in seen.programs and seen.directories  # it worked in its directory...
    assert our_programs() == {}  # ...and nothing of it is left: no program, no directory
    assert our_directories() == []


def test_libreoffice_over_its_time_outside_a_job_is_an_ordinary_failure(samples, tmp_path):
    """The PV, the liste and the register call LibreOffice from a page, not from a job: its time limit is the
    failure they always handled, never the worker's stop (a BaseException would take the server's thread)."""
    from collective.deliberations.documents.office import ConversionFailed
    from collective.deliberations.documents.office import office_to_pdf

    with pytest.raises(ConversionFailed, match="did not finish within 0.05 s"):
        office_to_pdf(str(samples["office.odt"]), "odt", str(tmp_path), timeout=0.05)
    assert programs_in(str(tmp_path)) == {}
