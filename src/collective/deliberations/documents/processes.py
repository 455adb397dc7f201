"""The programs a conversion runs (LibreOffice, qpdf, GraphicsMagick and its Ghostscript, pdftotext, Tesseract),
held to the limits of the job they serve.

Each program starts in a process group of its own (soffice starts soffice.bin, gm starts gs: killing the first alone
leaves the second running), and the group is killed when the job's time is up, when the job is cancelled (its
document was deleted or replaced) or when the Zope process stops. Each job works in one temporary directory named
after its process (``deliberations-conv-<pid>-…``), removed afterwards; what a process killed with -9 left there, the
directory and the programs still working in it, is removed by the next worker that starts (``clean_stale``)."""

from contextlib import contextmanager

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time


PREFIX = "deliberations-conv-"
WATCH = 1.0  # seconds between two looks at the job's deadline and cancellation while a program runs
_local = threading.local()
_spaces = set()
_lock = threading.Lock()


class Stopped(BaseException):
    """The job was stopped before its end. A BaseException: collective.documentviewer's ``except Exception`` (its
    text extraction goes on after any error) must not swallow it."""


class TimedOut(Stopped):
    def __init__(self, seconds):
        super().__init__(f"the conversion did not finish within {seconds} s")
        self.seconds = seconds


class Cancelled(Stopped):
    def __init__(self):
        super().__init__("the conversion was cancelled")


class Space:
    """One job's limits, running programs and temporary directory."""

    def __init__(self, key=None, seconds=None, cancelled=None, check_every=2.0, directory=True):
        self.key, self.seconds = key, seconds
        self.deadline = time.monotonic() + seconds if seconds else None
        self.cancelled, self.check_every, self.last_check = cancelled, check_every, time.monotonic()
        self.stop_event = threading.Event()
        self.groups = set()
        self.directory = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-") if directory else None

    def stop(self):
        """Cancel the job from another thread: its programs are killed now, the job raises Cancelled."""
        self.stop_event.set()
        for group in list(self.groups):
            kill_group(group)

    def check(self, program=None):
        """Raise TimedOut or Cancelled when the job must end (or the program, a (deadline, seconds) pair)."""
        now = time.monotonic()
        if self.deadline is not None and now >= self.deadline:
            raise TimedOut(self.seconds)
        if program is not None and now >= program[0]:
            raise TimedOut(program[1])
        if not self.stop_event.is_set() and self.cancelled is not None and now - self.last_check >= self.check_every:
            self.last_check = now
            if self.cancelled():
                self.stop_event.set()
        if self.stop_event.is_set():
            raise Cancelled()

    def wait_for(self, process, program=None):
        deadlines = [d for d in (self.deadline, program and program[0]) if d is not None]
        while True:
            self.check(program)
            step = max(min([WATCH] + [d - time.monotonic() for d in deadlines]), 0.01)
            try:
                return process.communicate(timeout=step)
            except subprocess.TimeoutExpired:
                continue

    def close(self):
        for group in list(self.groups):
            kill_group(group)
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)


def kill_group(group):
    try:
        os.killpg(group, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def current():
    """The Space of the job this thread runs, or None."""
    return getattr(_local, "space", None)


@contextmanager
def job_space(key=None, seconds=None, cancelled=None):
    """Run a job under a time limit (``seconds``, the whole job) and a cancellation test (``cancelled()``, polled
    every few seconds while a program runs); the programs and the directory are gone on leaving."""
    space = Space(key, seconds, cancelled)
    with _lock:
        _spaces.add(space)
    _local.space = space
    try:
        yield space
    finally:
        _local.space = None
        with _lock:
            _spaces.discard(space)
        space.close()


def run(command, timeout=None, **options):
    """Run ``command`` in a process group of its own, under the current job's limits and at most ``timeout``
    seconds: (returncode, stdout, stderr). The group is killed when the job or the program times out or the job is
    cancelled (TimedOut, Cancelled raised), and when the program ends."""
    space = current() or Space(directory=False)  # outside a job: the program's own time limit only
    space.check()
    program = (time.monotonic() + timeout, timeout) if timeout else None
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, close_fds=True, **options
    )
    space.groups.add(process.pid)
    try:
        stdout, stderr = space.wait_for(process, program)
        if space.stop_event.is_set():  # killed by a cancel while it ended: not the program's failure
            raise Cancelled()
    except BaseException:
        kill_group(process.pid)
        process.communicate()
        raise
    finally:
        kill_group(process.pid)  # what the program left running in its group (soffice.bin of a launcher...)
        space.groups.discard(process.pid)
    return process.returncode, stdout, stderr


def cancel(key):
    """Stop the running jobs of ``key`` in this process (a deleted or replaced document)."""
    with _lock:
        found = [space for space in _spaces if space.key == key]
    for space in found:
        space.stop()
    return len(found)


def stop_all():
    """Stop every running job of this process and remove its directory (the process stops)."""
    with _lock:
        found = list(_spaces)
    for space in found:
        space.stop()
        space.close()


def owner_is_gone(directory_name):
    """True for a directory of ours whose process no longer runs."""
    pid = directory_name[len(PREFIX) :].split("-", 1)[0]
    return pid.isdigit() and int(pid) != os.getpid() and process_is_gone(int(pid))


def process_is_gone(pid):
    """True when no process of this machine has that pid any more (one we may not signal still runs)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def programs_in(directories):
    """{process group} of the programs whose command line names one of ``directories`` (a /proc scan)."""
    groups = set()
    if not directories or not os.path.isdir("/proc"):
        return groups
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as stream:
                command = stream.read().decode(errors="replace")
            if any(directory in command for directory in directories):
                groups.add(os.getpgid(int(entry)))
        except (OSError, ProcessLookupError):
            continue
    return groups


def clean_stale(root=None):
    """Remove the directories a killed process left, after killing the programs still working in them; their
    names, for the log."""
    root = root or tempfile.gettempdir()
    stale = [
        os.path.join(root, name)
        for name in os.listdir(root)
        if name.startswith(PREFIX) and owner_is_gone(name) and os.path.isdir(os.path.join(root, name))
    ]
    for group in programs_in(stale):
        if group != os.getpgid(0):
            kill_group(group)
    for directory in stale:
        shutil.rmtree(directory, ignore_errors=True)
    return stale


def stop_on_exit():
    """At the end of the process (``make stop`` sends SIGTERM, Ctrl-C, a normal exit), stop the running jobs and
    remove their directories first. Python ends on SIGTERM without running atexit: we chain a handler."""
    if getattr(stop_on_exit, "installed", False):
        return
    stop_on_exit.installed = True
    atexit.register(stop_all)
    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.getsignal(signal.SIGTERM)

    def terminated(signum, frame):
        stop_all()
        if callable(previous):
            previous(signum, frame)
            return
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)

    signal.signal(signal.SIGTERM, terminated)
