"""Helpers shared by the benchmark scripts (bench_foundation.py, bench_content.py): shell commands, timings,
memory, loopback HTTP, the final table. Standard library only: the scripts run before any virtualenv exists."""

from pathlib import Path

import base64
import http.client
import math
import socket
import statistics
import subprocess
import time


def sh(command, cwd, **kwargs):
    return subprocess.run(command, cwd=cwd, shell=True, check=True, capture_output=True, text=True, **kwargs)


def timed(command, cwd):
    started = time.monotonic()
    sh(command, cwd)
    return time.monotonic() - started


def rss_mib(pid_or_pidfile):
    pid = Path(pid_or_pidfile).read_text().strip() if isinstance(pid_or_pidfile, Path) else pid_or_pidfile
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def free_port():
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Client:
    """Requests to 127.0.0.1 only, on one kept-alive connection, as one user (HTTP basic) or anonymous."""

    def __init__(self, port, user=None, password=None, timeout=300):
        self.port, self.timeout = port, timeout
        self.headers = {}
        if user:
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        """(status, body bytes, seconds from sending the request to the last byte of the answer)."""
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                started = time.perf_counter()
                self.connection.request(method, path, body=body, headers={**self.headers, **(headers or {})})
                response = self.connection.getresponse()
                data = response.read()
                elapsed = time.perf_counter() - started
            except (http.client.HTTPException, ConnectionError):
                self.close()
                if attempt == 2:
                    raise
                continue
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, data, elapsed
        raise AssertionError("unreachable")

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def setup_layer(layer):
    """Set up a plone.testing layer and its bases outside pytest (the bench scripts serve the test layer's Zope)."""
    for base in reversed(layer.baseResolutionOrder):
        if hasattr(base, "setUp"):
            base.setUp()
    layer.testSetUp()


def percentile(values, fraction):
    """The value below which `fraction` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(fraction * len(ordered)))) - 1]


def summary_ms(seconds):
    """(median, p90) in milliseconds."""
    return statistics.median(seconds) * 1000, percentile(seconds, 0.9) * 1000


def table(rows, header=None):
    """Rows of strings as aligned columns: the first left-aligned, the others right-aligned."""
    rows = [header, *rows] if header else list(rows)
    widths = [max(len(str(row[i])) for row in rows if i < len(row)) for i in range(max(len(r) for r in rows))]
    lines = []
    for index, row in enumerate(rows):
        cells = [str(row[0]).ljust(widths[0])] + [str(c).rjust(widths[i + 1]) for i, c in enumerate(row[1:])]
        lines.append("  ".join(cells).rstrip())
        if header and index == 0:
            lines.append("  ".join("-" * w for w in widths[: len(row)]))
    return "\n".join(lines)
