"""Documents uploaded into a committed folder, and the conversion worker run on the test database."""

from . import files
from collective.deliberations.documents import processes
from collective.deliberations.documents.worker import Runner
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile

import mimetypes
import os
import pytest
import tempfile
import transaction


WORD = "Zorglubienne"  # found by no other content
SCAN_WORD = "Quintessence"


@pytest.fixture(scope="session")
def samples(tmp_path_factory):
    """{name: path} of files made by the real tools, once for the session."""
    directory = tmp_path_factory.mktemp("samples")
    made = {f"office.{extension}": path for extension, path in files.office_files(directory, WORD).items()}
    made["text.pdf"] = files.pdf(directory, "texte", [f"Page une {WORD}", "Page deux budget"])
    made["scan.pdf"] = files.scanned_pdf(directory, "scan", f"Arrete {SCAN_WORD} municipal")
    made["password.pdf"] = files.password_pdf(made["text.pdf"], directory / "protege.pdf")
    made["macros.docx"] = files.with_macros(made["office.docx"], directory / "macros.docx")
    return made


@pytest.fixture
def folder(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(functional_portal, "Folder", id="documents", title="Documents")
    transaction.commit()
    return folder


@pytest.fixture
def runner(functional):
    """Runs the queue on the test database through a connection of its own, as a worker thread does."""
    worker = Runner(functional["zodbDB"])

    def run(**kwargs):
        transaction.commit()
        handled = worker.run_pending(**kwargs)
        transaction.begin()  # see what the worker committed
        return handled

    run.worker = worker
    return run


def reason(document):
    """The reason of the document's status, in French as the site shows it."""
    from collective.deliberations.documents.status import get_status
    from zope.i18n import translate

    return translate(get_status(document)["reason"], target_language="fr")


def add_file(container, data, filename, content_type=None, **fields):
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    document = api.content.create(
        container,
        "File",
        title=fields.pop("title", filename),
        file=NamedBlobFile(data=data, filename=filename, contentType=content_type),
        **fields,
    )
    transaction.commit()
    return document


SETTING = "collective.deliberations.conversion.{}"


@pytest.fixture
def limits(functional_portal):
    """Set conversion limits (registry records) for this test."""

    def set_limits(**values):
        for name, value in values.items():
            api.portal.set_registry_record(SETTING.format(name), value)
        transaction.commit()

    return set_limits


@pytest.fixture(scope="session")
def bomb(samples, tmp_path_factory):
    """A 300 KB docx that unpacks to 300 MB."""
    return files.zip_bomb(samples["office.docx"], tmp_path_factory.mktemp("bomb") / "bombe.docx", 300)


def our_directories():
    """This process's conversion directories left in the temporary directory."""
    prefix = f"{processes.PREFIX}{os.getpid()}-"
    return sorted(name for name in os.listdir(tempfile.gettempdir()) if name.startswith(prefix))


def our_programs():
    """{pid: command line} of the programs working in one of this process's conversion directories."""
    return programs_in(os.path.join(tempfile.gettempdir(), f"{processes.PREFIX}{os.getpid()}-"))


def programs_in(marker):
    """{pid: command line} of the programs whose command line holds ``marker`` (a /proc scan)."""
    found = {}
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as stream:
                command = stream.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in command:
            found[int(entry)] = command
    return found
