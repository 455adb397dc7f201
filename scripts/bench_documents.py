"""Benchmark of issue 5: uploading a 100-page PDF through REST, and converting it in the background compared with
running the same converter commands by hand on the same file, side by side in the same run.

Run from the checkout, with the virtualenv: .venv/bin/python scripts/bench_documents.py [--pages 100] [--uploads 5]
It starts the test layer's Zope on a free loopback port (nothing else is touched) and prints a table."""

from pathlib import Path

import argparse
import base64
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Client  # noqa: E402
from benchlib import free_port  # noqa: E402
from benchlib import setup_layer  # noqa: E402


def make_pdf(directory, pages):
    source, target = directory / "big.ps", directory / "big.pdf"
    lines = ["%!PS", "/Helvetica findfont 14 scalefont setfont"]
    for page in range(1, pages + 1):
        lines += [
            f"72 {y} moveto (Page {page}, ligne {n}: budget annexe de l'eau et de l'assainissement) show"
            for n, y in enumerate(range(740, 80, -22))
        ]
        lines.append("showpage")
    source.write_text("\n".join(lines))
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={target}", str(source)], check=True
    )
    return target


def by_hand(pdf, workdir, sizes=(("large", 1000), ("normal", 700), ("small", 180)), image_format="gif"):
    """The commands collective.documentviewer runs for a PDF with a text layer, typed one after the other."""
    started = time.monotonic()
    work = Path(workdir)
    dump = work / "dump.pdf"
    shutil.copy(pdf, dump)
    for name, width in sizes:
        folder = work / name
        folder.mkdir()
        subprocess.run(["qpdf", "--split-pages", str(dump), str(folder / "dump_%d.pdf")], check=True)
        for page in sorted(folder.iterdir()):
            target = page.with_suffix(f".{image_format}")
            subprocess.run(
                [
                    "gm",
                    "convert",
                    "-resize",
                    f"{width}x",
                    "-density",
                    "150",
                    "-format",
                    image_format,
                    str(page),
                    str(target),
                ],
                check=True,
            )
            page.unlink()
    subprocess.run(["pdffonts", str(dump)], check=True, capture_output=True)
    subprocess.run(["qpdf", "--show-npages", str(dump)], check=True, capture_output=True)
    text = work / "text"
    text.mkdir()
    subprocess.run(["qpdf", "--split-pages", str(dump), str(text / "dump_%d.pdf")], check=True)
    for page in sorted(text.iterdir()):
        subprocess.run(["pdftotext", str(page)], check=True)
        page.unlink()
    return time.monotonic() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--uploads", type=int, default=5)
    args = parser.parse_args(argv)
    port = free_port()
    os.environ["ZSERVER_PORT"] = str(port)
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")

    workdir = Path(tempfile.mkdtemp(prefix="bench-documents-"))
    pdf = make_pdf(workdir, args.pages)
    size_mib = pdf.stat().st_size / 2**20
    print(f"[bench] {args.pages}-page PDF: {size_mib:.1f} MiB; starting Zope on 127.0.0.1:{port}", flush=True)

    from collective.deliberations.testing import FUNCTIONAL_TESTING
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    import transaction

    setup_layer(FUNCTIONAL_TESTING)
    db = FUNCTIONAL_TESTING["zodbDB"]
    client = Client(port, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    json_headers = {"Content-Type": "application/json", "Accept": "application/json"}
    status, body, _ = client.request(
        "POST", "/plone/++api++", json.dumps({"@type": "Folder", "id": "bench", "title": "Bench"}), json_headers
    )
    assert status == 201, body
    payload = json.dumps(
        {
            "@type": "File",
            "title": "Dossier",
            "file": {
                "data": base64.b64encode(pdf.read_bytes()).decode(),
                "encoding": "base64",
                "filename": "dossier.pdf",
                "content-type": "application/pdf",
            },
        }
    )
    uploads, urls = [], []
    for _n in range(args.uploads):
        status, body, seconds = client.request("POST", "/plone/++api++/bench", payload, json_headers)
        assert status == 201, body
        uploads.append(seconds)
        urls.append(json.loads(body)["@id"])
    status, body, _ = client.get(urls[0].split(str(port), 1)[1] + "/@conversion", Accept="application/json")
    assert json.loads(body)["state"] == "pending", body

    from collective.deliberations.documents.worker import Runner

    transaction.begin()
    runner = Runner(db)
    started = time.monotonic()
    handled = runner.run_pending(limit=1)
    conversion = time.monotonic() - started
    assert handled == 1 and runner.converted == 1, "the conversion failed: see the log"
    hand_dir = workdir / "by-hand"
    hand_dir.mkdir()
    hand = by_hand(pdf, hand_dir)

    rows = [
        ("upload of the PDF through REST (median)", f"{statistics.median(uploads):.2f} s", "< 2 s"),
        ("upload, slowest of " + str(args.uploads), f"{max(uploads):.2f} s", ""),
        ("background conversion (worker)", f"{conversion:.1f} s", ""),
        ("the same commands by hand", f"{hand:.1f} s", ""),
        ("ratio conversion / by hand", f"{conversion / hand:.2f}", "<= 1.5"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\n{args.pages}-page PDF ({size_mib:.1f} MiB), {os.cpu_count()} cores")
    for label, value, target in rows:
        print(f"  {label:<{width}}  {value:>9}  {target}")
    shutil.rmtree(workdir, ignore_errors=True)
    os._exit(0)  # the layers' servers are daemon threads: no tear-down needed for a one-shot measure


if __name__ == "__main__":
    main()
