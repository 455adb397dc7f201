"""Office files to PDF with LibreOffice in headless mode, the command an administrator would type.

Each run has its own LibreOffice profile (two conversions at once with a shared profile fail) and a time limit.
A document is hostile input: the profile forbids macros and the update of links, and blocks the images and
objects a document links to (a file of the server, an address of the network: `BlockUntrustedRefererLinks`); where
the system allows it, LibreOffice runs in a network namespace of its own, with no network at all."""

from collective.deliberations import _
from collective.deliberations.documents import processes
from collective.deliberations.documents.inspect import Refused
from zope.i18n import interpolate

import functools
import logging
import os
import shutil
import subprocess
import tempfile


logger = logging.getLogger("collective.deliberations.documents")


DEFAULT_TIMEOUT = int(os.environ.get("DELIBERATIONS_LIBREOFFICE_TIMEOUT", "300"))


class ConversionFailed(Exception):
    """A converter failed for a reason that may pass (time limit, crash): the job is retried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message  # what the reader is told (i18n); what LibreOffice said goes to the log

    def __str__(self):  # the English text, for the log
        return interpolate(self.message.default, self.message.mapping)


LOCKED_DOWN = (
    ("org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # Writer: never
    ("org.openoffice.Office.Calc/Content/Update", "Link", "1"),  # Calc: never
)


def lock_down(profile):
    """Write the settings of LOCKED_DOWN into the LibreOffice `profile` (a directory) before its first run."""
    items = "".join(
        f'<item oor:path="/{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
        for path, name, value in LOCKED_DOWN
    )
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry"'
            f' xmlns:xs="http://www.w3.org/2001/XMLSchema">{items}</oor:items>'
        )


@functools.cache
def without_network():
    """The command prefix that runs a program with no network (a user and network namespace), or [] where the
    system refuses unprivileged namespaces (said once in the log)."""
    command = ["unshare", "--user", "--map-root-user", "--net"]
    try:
        works = subprocess.run([*command, "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        works = False
    if not works:
        logger.warning("LibreOffice runs with the network: this system refuses `unshare --user --net`")
    return command if works else []


def libreoffice_command(source, outdir, profile):
    """The command converting `source` into `outdir`, with its own locked-down `profile` (a new directory)."""
    lock_down(profile)
    return [
        *without_network(),
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
    try:  # its own process group, killed with soffice.bin at the time limit or on a cancel
        code, stdout, stderr = processes.run(libreoffice_command(named, outdir, profile), timeout=timeout, text=True)
    except processes.TimedOut as error:
        if processes.current() is not None:
            raise  # a conversion job's: the worker reports it
        raise ConversionFailed(  # a page's (PV, liste)
            _(
                "reason_office_timeout",
                default="LibreOffice did not finish within ${seconds} s.",
                mapping={"seconds": f"{timeout:g}"},
            )
        ) from error
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    target = os.path.join(outdir, "document.pdf")
    if code != 0:
        logger.warning("LibreOffice exited with %s: %s", code, (stderr or stdout)[-300:])
        raise ConversionFailed(
            _("reason_office_exited", default="LibreOffice stopped with the error ${code}.", mapping={"code": code})
        )
    if not os.path.exists(target) or os.path.getsize(target) == 0:
        # LibreOffice answers 0 and writes nothing for a file it cannot read: bad input, not worth a retry
        raise Refused(_("reason_office_unreadable", default="LibreOffice could not read this file: it may be damaged."))
    return target
