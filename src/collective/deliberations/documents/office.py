"""Office files to PDF with LibreOffice in headless mode, the command an administrator would type.

Each run has its own LibreOffice profile (two conversions at once with a shared profile fail) and a time limit."""

from collective.deliberations import _
from collective.deliberations.documents.inspect import Refused

import os
import shutil
import signal
import subprocess
import tempfile


DEFAULT_TIMEOUT = int(os.environ.get("DELIBERATIONS_LIBREOFFICE_TIMEOUT", "300"))


class ConversionFailed(Exception):
    """A converter failed for a reason that may pass (time limit, crash): the job is retried."""


def libreoffice_command(source, outdir, profile):
    return [
        shutil.which("soffice") or "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outdir,
        source,
    ]


def office_to_pdf(source, extension, workdir, timeout=None):
    """Convert the office file at ``source`` into ``workdir``/document.pdf, returned."""
    timeout = timeout or DEFAULT_TIMEOUT
    named = os.path.join(workdir, f"document.{extension}")
    shutil.copyfile(source, named)
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir=workdir)
    outdir = os.path.join(workdir, "pdf")
    os.makedirs(outdir, exist_ok=True)
    process = subprocess.Popen(
        libreoffice_command(named, outdir, profile),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: a time-out ends soffice.bin too, not only the launcher
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as error:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ConversionFailed(f"LibreOffice did not finish within {timeout} s") from error
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    target = os.path.join(outdir, "document.pdf")
    if process.returncode != 0:
        raise ConversionFailed(f"LibreOffice exited with {process.returncode}: {(stderr or stdout)[-300:]}")
    if not os.path.exists(target) or os.path.getsize(target) == 0:
        # LibreOffice answers 0 and writes nothing for a file it cannot read: bad input, not worth a retry
        raise Refused(_("reason_office_unreadable", default="LibreOffice could not read this file: it may be damaged."))
    return target
