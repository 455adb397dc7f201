"""Benchmark of issue 5's wrong input "a 300 MB file": a real 300 MB PDF uploaded through Plone's Classic add form
(multipart, as a browser sends it), then the conversion worker run on it; time and memory of the Zope process.

    .venv/bin/python scripts/bench_upload.py              # 300 MB
    .venv/bin/python scripts/bench_upload.py --mib 50     # a quick check

It writes the PDF on disk in 1 MiB chunks (a one-page PDF carrying an embedded file of random bytes, so that
nothing compresses it), sets up the test layer's Zope on a free loopback port, streams the multipart body from the
file (the client holds 1 MiB at a time), and reads the process's peak resident memory (VmHWM) before and after.
The file is expected to be stored whole and downloadable, and its conversion refused at once with the French
reason that gives the limit (DELIBERATIONS_CONVERSION_MAX_BYTES, 200 MB by default): "Échec de conversion"."""

from pathlib import Path

import argparse
import hashlib
import os
import re
import sys
import tempfile
import time


sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Client  # noqa: E402
from benchlib import free_port  # noqa: E402
from benchlib import setup_layer  # noqa: E402
from benchlib import table  # noqa: E402


CHUNK = 2**20


def big_pdf(path, mib):
    """A valid one-page PDF with an embedded file of `mib` MiB of random bytes, written chunk by chunk."""
    offsets = {}
    digest = hashlib.sha256()
    size = mib * CHUNK
    with open(path, "wb") as out:

        def write(data):
            out.write(data)
            digest.update(data)

        write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(donnees.bin) 6 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            None,  # 4: the page's (empty) content
            None,  # 5: the embedded file
            b"<< /Type /Filespec /F (donnees.bin) /EF << /F 5 0 R >> >>",
        ]
        for number, body in enumerate(objects, start=1):
            offsets[number] = out.tell()
            write(f"{number} 0 obj\n".encode())
            if number == 4:
                write(b"<< /Length 0 >>\nstream\n\nendstream")
            elif number == 5:
                write(f"<< /Type /EmbeddedFile /Length {size} >>\nstream\n".encode())
                for _n in range(mib):
                    write(os.urandom(CHUNK))
                write(b"\nendstream")
            else:
                write(body)
            write(b"\nendobj\n")
        xref = out.tell()
        write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
        for number in range(1, len(objects) + 1):
            write(f"{offsets[number]:010d} 00000 n \n".encode())
        write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return digest.hexdigest()


def peak_mib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def reset_peak():
    """Start the peak (VmHWM) again from the current resident size (Linux: write 5 to clear_refs)."""
    Path("/proc/self/clear_refs").write_text("5")


def multipart(fields, file_field, path, filename):
    boundary = "----deliberations" + os.urandom(8).hex()
    head = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    )
    head += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    length = len(head) + path.stat().st_size + len(tail)

    def body():
        yield head
        with open(path, "rb") as stream:
            while chunk := stream.read(CHUNK):
                yield chunk
        yield tail

    return body(), length, f"multipart/form-data; boundary={boundary}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=300)
    args = parser.parse_args(argv)
    port = free_port()
    os.environ["ZSERVER_PORT"] = str(port)
    os.environ["DELIBERATIONS_CONVERSION_WORKER"] = "off"  # run below, inline, to time it
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    workdir = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    pdf = workdir / "gros-dossier.pdf"
    started = time.monotonic()
    digest = big_pdf(pdf, args.mib)
    print(f"[bench] {pdf.stat().st_size / 2**20:.0f} MiB PDF written in {time.monotonic() - started:.1f} s", flush=True)

    from collective.deliberations.documents.status import describe
    from collective.deliberations.documents.status import get_status
    from collective.deliberations.documents.status import LABELS
    from collective.deliberations.documents.worker import Runner
    from collective.deliberations.testing import FUNCTIONAL_TESTING
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD
    from plone.app.testing import TEST_USER_ID
    from zope.i18n import translate

    import transaction

    setup_layer(FUNCTIONAL_TESTING)
    portal = FUNCTIONAL_TESTING["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.content.create(portal, "Folder", id="dossiers", title="Dossiers")
    transaction.commit()
    client = Client(port, SITE_OWNER_NAME, SITE_OWNER_PASSWORD, timeout=900)
    status, page, _seconds = client.get("/plone/dossiers/++add++File")
    assert status == 200, page[-2000:]
    token = re.search(rb'name="_authenticator"[^>]*value="([^"]+)"', page).group(1).decode()
    kinds = re.search(rb'name="form.widgets.IDocumentFlags.document_type:list".*?</select>', page, re.S).group(0)
    kind = [v for v in re.findall(rb'<option[^>]*value="([^"]*)"', kinds) if v and v != b"--NOVALUE--"][0].decode()

    idle = peak_mib()
    reset_peak()
    body, length, content_type = multipart(
        {
            "_authenticator": token,
            "form.widgets.title": "Gros dossier",
            "form.widgets.IDocumentFlags.document_type:list": kind,
            "form.widgets.IDocumentFlags.document_type-empty-marker": "1",
            "form.widgets.IDocumentFlags.publishable-empty-marker": "1",
            "form.widgets.IDocumentFlags.confidential-empty-marker": "1",
            "form.buttons.save": "Enregistrer",
        },
        "form.widgets.file",
        pdf,
        pdf.name,
    )
    posted, answer, upload = client.request(
        "POST", "/plone/dossiers/++add++File", body, {"Content-Type": content_type, "Content-Length": str(length)}
    )
    upload_peak = peak_mib()
    assert posted in (200, 302), (posted, answer[-2000:])
    transaction.begin()
    documents = portal.dossiers.objectValues()
    assert documents, ("the form did not store the file", posted, answer[-3000:].decode("utf-8", "replace"))
    document = documents[0]
    stored = document.file.getSize()
    with document.file.open() as blob:
        same = hashlib.file_digest(blob, "sha256").hexdigest() == digest

    reset_peak()
    started = time.monotonic()
    Runner(FUNCTIONAL_TESTING["zodbDB"]).run_pending()
    conversion = time.monotonic() - started
    convert_peak = peak_mib()
    transaction.begin()
    document = portal.dossiers.objectValues()[0]
    described = describe(document, portal.REQUEST) or {}
    label = translate(LABELS.get(described.get("state"), "?"), target_language="fr")
    reason = translate(get_status(document).get("reason") or "", target_language="fr")
    status, download, seconds = client.get(f"/plone/dossiers/{document.getId()}/@@download/file")
    rows = [
        ("file", f"{pdf.stat().st_size / 2**20:.0f} MiB", ""),
        ("upload through ++add++File (multipart)", f"{upload:.1f} s", f"HTTP {posted}"),
        ("stored whole, same SHA-256", f"{stored / 2**20:.0f} MiB", "yes" if same else "NO"),
        ("resident memory before (VmRSS peak so far)", f"{idle:.0f} MiB", ""),
        ("peak during the upload", f"{upload_peak:.0f} MiB", f"+{upload_peak - idle:.0f} MiB"),
        ("conversion worker on it", f"{conversion:.1f} s", label),
        ("peak during the conversion attempt", f"{convert_peak:.0f} MiB", ""),
        ("download of the original", f"{seconds:.1f} s", f"HTTP {status}, {len(download) / 2**20:.0f} MiB"),
    ]
    print(table(rows, header=("step", "figure", "")))
    print(f"status shown: {label} — {reason}")
    for path in workdir.iterdir():
        path.unlink()
    workdir.rmdir()
    os._exit(0)  # the layers' servers are daemon threads: no tear-down needed for a one-shot measure


if __name__ == "__main__":
    main()
