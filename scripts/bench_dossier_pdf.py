#!/usr/bin/env python3
"""Issue 4's figure: the whole dossier of a session as one PDF, 100 documents of 1,000 pages in all.

    .venv/bin/python scripts/bench_dossier_pdf.py                     # 100 documents of 10 pages
    .venv/bin/python scripts/bench_dossier_pdf.py --documents 10      # a quick check

Runs with this checkout's .venv (Plone through the test layer of collective.deliberations, in memory):
  1. Ghostscript writes one PDF of documents x pages pages (text and a drawing on each page), qpdf splits it into
     the documents;
  2. a council's session with 20 agenda items, each with its deliberation holding its share of the documents;
  3. @@dossier.pdf is asked as an official would (sommaire, placeholder pages, merge and outline by qpdf, kept as
     a blob): its time, the peak resident memory of this process while it runs (sampled every 10 ms) and of the
     qpdf processes it starts (their VmRSS added, sampled likewise);
  4. the same page asked again (kept: only streamed);
  5. the baseline, measured in the same run on the very same files (the documents' blobs):
     `qpdf --empty --pages f1 f2 ... -- out.pdf`. The ratio is our cost over the bare merge.
Targets (issue 4): under 60 s, peak memory under 500 MB. It prints the figures; it asserts the page count and the
outline's length.
"""

from pathlib import Path

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time


sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
os.environ.setdefault("zope_i18n_allowed_languages", "fr en")

from bench_convocation import set_up  # noqa: E402
from benchlib import rss_mib  # noqa: E402
from benchlib import table  # noqa: E402


ITEMS = 20
PAGE = (
    "/Helvetica findfont 14 scalefont setfont "
    "0 1 {last} {{ /n exch def "
    "72 760 moveto (Document ) show n {per} idiv 1 add 3 string cvs show "
    "(, page ) show n {per} mod 1 add 3 string cvs show "
    "0 1 30 {{ /l exch def 72 720 l 20 mul sub moveto "
    "(Considerant les dispositions du code general des collectivites territoriales, article L2121-) show "
    "l 3 string cvs show }} for "
    "0.5 setgray 72 100 moveto 540 100 lineto 540 140 lineto 72 140 lineto closepath fill 0 setgray "
    "showpage }} for"
)


def children_rss_mib(pid):
    """The resident memory of the qpdf processes `pid` started, summed (a child not yet past its exec still shows
    its parent's pages: not counted)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            children = (task / "children").read_text().split()
        except OSError:  # the thread ended meanwhile
            continue
        for child in children:
            try:
                if Path(f"/proc/{child}/comm").read_text().strip() == "qpdf":
                    total += rss_mib(child)
            except (OSError, RuntimeError):  # ended meanwhile
                pass
    return total


class PeakRSS(threading.Thread):
    """The highest VmRSS of this process, and of this process with its children, sampled every 10 ms."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = self.with_children = rss_mib(os.getpid())
        self.running = True

    def run(self):
        while self.running:
            own = rss_mib(os.getpid())
            self.peak = max(self.peak, own)
            self.with_children = max(self.with_children, own + children_rss_mib(os.getpid()))
            time.sleep(0.01)

    def stop(self):
        self.running = False
        self.join()
        return self.peak, self.with_children


def make_pdfs(directory, documents, pages):
    whole = directory / "all.pdf"
    program = PAGE.format(last=documents * pages - 1, per=pages)
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={whole}", "-c", program],
                   check=True)  # fmt: skip
    subprocess.run(["qpdf", f"--split-pages={pages}", str(whole), str(directory / "doc-%d.pdf")], check=True)
    files = sorted(directory.glob("doc-*.pdf"))
    assert len(files) == documents, len(files)
    return files


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--pages", type=int, default=10, help="pages per document")
    args = parser.parse_args(argv)

    from collective.deliberations.convocation.browser.dossier_files import DossierPDFView
    from collective.deliberations.testing import FUNCTIONAL_TESTING
    from datetime import datetime
    from datetime import timedelta
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.namedfile.file import NamedBlobFile
    from pypdf import PdfReader

    import transaction

    workdir = Path(tempfile.mkdtemp(prefix="bench-dossier-"))
    started = time.perf_counter()
    files = make_pdfs(workdir, args.documents, args.pages)
    generation = time.perf_counter() - started
    set_up(FUNCTIONAL_TESTING, [])
    FUNCTIONAL_TESTING.testSetUp()
    portal, request = FUNCTIONAL_TESTING["portal"], FUNCTIONAL_TESTING["request"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    service = api.content.create(portal, "Service", id="finances", title="Finances")
    council = api.content.create(portal, "Assembly", id="conseil", title="Conseil communautaire")
    session = api.content.create(council, "Session", id="seance", title="Séance",
                                 start=datetime.now() + timedelta(days=10), place="Salle du conseil")  # fmt: skip
    deliberations = []
    for number in range(ITEMS):
        deliberation = api.content.create(service, "Deliberation", title=f"Délibération n° {number + 1}",
                                          matiere="7.1", nature="1")  # fmt: skip
        api.content.create(session, "AgendaItem", id=f"point-{number + 1}", item_kind="deliberation",
                           deliberation=deliberation.UID())  # fmt: skip
        deliberations.append(deliberation)
    documents = []
    for number, path in enumerate(files):
        documents.append(api.content.create(
            deliberations[number % ITEMS], "File", title=f"Annexe {number + 1}",
            file=NamedBlobFile(path.read_bytes(), filename=path.name)))  # fmt: skip
    transaction.commit()
    blob_paths = [document.file._blob.committed() for document in documents]

    def ask():
        transaction.begin()
        view = DossierPDFView(session, request)
        sampler = PeakRSS()
        sampler.start()
        begun = time.perf_counter()
        stream = view()
        with open(stream.name, "rb") as result, open(workdir / "dossier.pdf", "wb") as copy:
            for chunk in iter(lambda: result.read(1 << 20), b""):
                copy.write(chunk)
        transaction.commit()
        elapsed = time.perf_counter() - begun
        peak, with_children = sampler.stop()
        return elapsed, peak, with_children

    resident = rss_mib(os.getpid())
    building, peak, with_children = ask()
    kept, _peak, _children = ask()
    reader = PdfReader(workdir / "dossier.pdf")
    total = args.documents * args.pages
    assert len(reader.pages) > total, len(reader.pages)
    top = [entry for entry in reader.outline if not isinstance(entry, list)]  # a list holds the entry's children
    assert len(top) == ITEMS + 2, len(top)  # the sommaire, the session's documents, the items

    begun = time.perf_counter()
    subprocess.run(["qpdf", "--empty", "--pages", *blob_paths, "--", str(workdir / "baseline.pdf")], check=True)
    baseline = time.perf_counter() - begun
    print(f"{args.documents} documents, {total} pages (Ghostscript, {generation:.1f} s to make); dossier:"
          f" {len(reader.pages)} pages, {os.path.getsize(workdir / 'dossier.pdf') / 2**20:.1f} MiB")  # fmt: skip
    print(
        table(
            [
                ("@@dossier.pdf built (sommaire, merge, outline)", f"{building:.2f}", f"{building / baseline:.2f}"),
                ("@@dossier.pdf asked again (kept, streamed)", f"{kept:.2f}", f"{kept / baseline:.2f}"),
                ("baseline: qpdf --empty --pages on the same files", f"{baseline:.2f}", "1.00"),
            ],
            header=("measure", "seconds", "ratio"),
        )
    )  # fmt: skip
    print(f"memory: this process {resident:.0f} MiB before, peak {peak:.0f} MiB while building"
          f" (+{peak - resident:.0f} MiB); with its qpdf processes, peak {with_children:.0f} MiB")  # fmt: skip
    print(
        f"targets: under 60 s -> {'met' if building < 60 else 'NOT met'};"
        f" peak under 500 MB -> {'met' if with_children * 2**20 < 500e6 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
