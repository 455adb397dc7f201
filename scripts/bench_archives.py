#!/usr/bin/env python3
"""Issue 7's figures: a year of an agglomeration exported as SEDA 2.2 SIPs, against `zip -0` plus `sha512sum` on the
same files, side by side in the same run.

    .venv/bin/python scripts/bench_archives.py                       # 1,000 deliberations, 4,000 files, 2 GB
    .venv/bin/python scripts/bench_archives.py --deliberations 100 --megabytes 200   # a quick check

Run it with the project's .venv (lxml, pygfried). In a temporary directory it writes the year's files: 50 séances,
each with its convocation, and 1,000 deliberations with 4 documents each (annexes as PDF, random content so that
nothing compresses), 2 GB in all. Then, page cache warm for both (every file read once first):
  - the baseline: `zip -0 -q -r` of the whole tree, then `sha512sum` of every file; its throughput is the bytes
    of the files over the two commands' wall time;
  - the export, in a child process of its own: for each séance the code of the product writes one SIP
    (collective.deliberations.archives.sip.write_sip: every file copied into the zip with its SHA-512 on the way,
    identified by Siegfried (PRONOM), the manifest built and validated against the official XSD when
    DELIBERATIONS_SEDA_SCHEMAS or ../shared/seda/2.2 has it, the zip's own SHA-512, atomic rename). The séance's tree
    of ArchiveUnits and its sources are built as collect.py builds them from Plone; the files are read from disk as
    Plone's committed blobs are (a blob is a file of the blob storage: NamedBlobFile.open() returns it).
    Memory: the child's resident set before the first SIP, and its peak (VmHWM) after the last; the growth must stay
    under 150 MB (nothing is held in memory but one séance's manifest). Throughput: the same bytes over the wall time.
Targets (issue 7): memory growth < 150 MB; export throughput >= 0.5 x the baseline's. Printed, never asserted.

The acts go into a SIP as PDF/A: a published act's copy frozen at publication, else the copy the background
worker rendered when the act was decided (archives/prerender.py), as a real site has them. So, while the year's files
are written, --workers processes (default 2, as two Zope processes' workers) render each of the 1,000 acts as the
worker does: WeasyPrint PDF/A-3b, rendering.readable_metadata, prerender.make_copy (NamedBlobFile, SHA-512, PRONOM);
the export then copies each act's blob with that identification and renders none. The acts' page is a stand-in of
the usual length (there is no Plone site here, so not the act's template with its séance's data). --no-copies: the
acts go as small XHTML pages instead (the former run).
--acts-pdfa N renders N acts of the usual length as PDF/A-3b (WeasyPrint, plus the uncompressed XMP the SIP's copy
gets) and prints the time per act and the throughput the export would have if every act of the year had to be
rendered at the export (no copy ready), beside the ratio without rendering.
"""

from pathlib import Path

import argparse
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def pdf_like(path, size, rng):
    """A file Siegfried identifies as PDF, of `size` bytes of incompressible content."""
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    tail = b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    with open(path, "wb") as stream:
        stream.write(head)
        remaining = max(0, size - len(head) - len(tail))
        while remaining:
            chunk = min(remaining, 1 << 20)
            stream.write(rng(chunk))
            remaining -= chunk
        stream.write(tail)


def generate(directory, deliberations, files_per, megabytes, sessions):
    size = megabytes * 1024 * 1024 // (deliberations * files_per + sessions)
    year = []
    per_session = -(-deliberations // sessions)
    number = 0
    for s in range(sessions):
        session_dir = directory / f"seance-{s + 1:02d}"
        session_dir.mkdir()
        convocation = session_dir / "convocation.pdf"
        pdf_like(convocation, size, os.urandom)
        acts = []
        for _ in range(min(per_session, deliberations - number)):
            number += 1
            act_dir = session_dir / f"DEL2025_{number:04d}"
            act_dir.mkdir()
            paths = []
            for f in range(files_per):
                path = act_dir / f"annexe-{f + 1}.pdf"
                pdf_like(path, size, os.urandom)
                paths.append(path)
            acts.append((f"DEL2025_{number:04d}", paths))
        year.append((f"seance-{s + 1:02d}", convocation, acts))
    return year


def total_bytes(directory):
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def baseline(data, work):
    started = time.monotonic()
    subprocess.run(["zip", "-0", "-q", "-r", str(work / "baseline.zip"), "."], cwd=data, check=True)
    zipped = time.monotonic()
    subprocess.run("find . -type f -print0 | xargs -0 sha512sum > /dev/null", shell=True, cwd=data, check=True)
    done = time.monotonic()
    (work / "baseline.zip").unlink()
    return zipped - started, done - zipped


def memory(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(year_file, vault, schemas):
    """The export, one SIP per séance, in this process; prints its figures as JSON."""
    from collective.deliberations.archives.collect import Source
    from collective.deliberations.archives.sip import write_sip

    year, known = json.loads(Path(year_file).read_text())
    copies_file = Path(year_file).with_name("copies.json")
    copies = json.loads(copies_file.read_text()) if copies_file.is_file() else {}
    header = {
        "comment": "Versement 2025",
        "agreement": "CONV-BENCH",
        "archival_agency": "FRAD034",
        "transferring_agency": "200067106",
        "originating_agency": "200067106",
    }
    rule = {"appraisal": "APP-00001", "access": "ACC-00001", "start": datetime.date(2025, 3, 1), "final_action": "Keep"}
    day = datetime.date(2025, 3, 1)

    from collective.deliberations.archives.collect import act_html  # noqa: F401  (as collect.py: the act's page)
    from collective.deliberations.archives.identify import act_identification

    def opener(path):
        return lambda: open(path, "rb")

    def page(number):
        text = (
            f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'/><title>{number}</title></head>"
            f"<body><h1>Délibération {number}</h1><p>N° {number}</p>{'<p>Considérant...</p>' * 40}</body></html>"
        )
        return text.encode()

    before = memory("VmRSS")
    started = time.monotonic()
    sips = 0
    for session_id, convocation, acts in year:
        sources = [
            Source(f"BDO-{session_id}", "convocation.pdf", opener(convocation), identification=known.get(convocation))
        ]
        children = [
            {
                "id": f"AU-{session_id}-conv",
                "level": "Item",
                "title": "Convocation",
                "start": day,
                "rule": rule,
                "objects": [f"BDO-{session_id}"],
            }
        ]
        for number, paths in acts:
            items = []
            ready = copies.get(number)
            if ready is not None:  # the act's PDF/A rendered ahead: as pdfa.act_pdfa gives it (blob, identification)
                sources.append(
                    Source(f"BDO-{number}-act", f"{number}.pdf", opener(ready["path"]), identification=ready)
                )
            else:
                text = page(number)
                sources.append(
                    Source(
                        f"BDO-{number}-act",
                        f"{number}.html",
                        lambda text=text: io.BytesIO(text),
                        identification=act_identification(text),
                    )
                )
            for index, path in enumerate(paths, 1):
                object_id = f"BDO-{number}-{index}"
                sources.append(
                    Source(object_id, f"{number}_{Path(path).name}", opener(path), identification=known.get(path))
                )
                items.append(
                    {
                        "id": f"AU-{number}-{index}",
                        "level": "Item",
                        "title": Path(path).name,
                        "start": day,
                        "rule": rule,
                        "objects": [object_id],
                    }
                )
            children.append(
                {
                    "id": f"AU-{number}",
                    "level": "File",
                    "title": f"Délibération {number}",
                    "identifier": number,
                    "keywords": [("subject", "matière 7.1")],
                    "start": day,
                    "rule": rule,
                    "objects": [f"BDO-{number}-act"],
                    "children": items,
                }
            )
        units = [
            {
                "id": f"AU-{session_id}",
                "level": "RecordGrp",
                "title": session_id,
                "start": day,
                "rule": rule,
                "children": children,
            }
        ]
        write_sip(vault, f"SIP-BENCH-{session_id}", units, sources, header, Path(schemas) if schemas else None)
        sips += 1
    elapsed = time.monotonic() - started
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "rss_before": before,
                "peak": memory("VmHWM"),
                "sips": sips,
                "sip_bytes": sum(p.stat().st_size for p in Path(vault).glob("*.zip")),
            }
        )
    )


def act_rendering(count):
    """Seconds per act rendered as the SIP carries an unpublished act: PDF/A-3b by WeasyPrint, XMP uncompressed."""
    from collective.deliberations.acts.rendering import readable_metadata
    from weasyprint import HTML

    paragraph = "<p>" + "Le conseil communautaire, après en avoir délibéré, décide d'approuver la convention. " * 12
    page = "<html lang='fr'><body><h1>Délibération n° DEL2026_{n:03d}</h1>" + paragraph * 8 + "</p></body></html>"
    HTML(string=page.format(n=0)).write_pdf(pdf_variant="pdf/a-3b")  # fonts loaded once, as in a running instance
    started = time.monotonic()
    for number in range(1, count + 1):
        readable_metadata(HTML(string=page.format(n=number)).write_pdf(pdf_variant="pdf/a-3b"))
    return (time.monotonic() - started) / count


ACT_PAGE = (
    "<html lang='fr'><body><h1>Délibération n° {number}</h1>"
    + ("<p>" + "Le conseil communautaire, après en avoir délibéré, décide d'approuver la convention. " * 12 + "</p>")
    * 8
    + "</body></html>"
)


def prepare_copies(numbers, directory, result_file):
    """The acts' archival copies as the background worker makes them (archives/prerender.py): rendered by WeasyPrint
    as PDF/A-3b, the XMP made readable (rendering.readable_metadata), identified and digested by prerender.make_copy
    into a NamedBlobFile; its bytes are then what the blob storage holds. Runs in a process of its own while the
    year's files are written (a site renders them over the year, as acts are decided). Writes {number: {path,
    sha512, size, puid, mime, format_name}} and the seconds per act to `result_file`."""
    from collective.deliberations.acts.rendering import readable_metadata
    from collective.deliberations.archives.prerender import make_copy
    from weasyprint import HTML
    from zope.configuration import xmlconfig

    xmlconfig.string(  # the blob storages of a Zope process, nothing more
        '<configure xmlns="http://namespaces.zope.org/zope"><include package="zope.component" file="meta.zcml"/>'
        '<include package="plone.namedfile" file="z3c-blobfile.zcml"/></configure>'
    )
    HTML(string=ACT_PAGE.format(number="0")).write_pdf(pdf_variant="pdf/a-3b")  # fonts loaded once, as in a worker
    copies, started = {}, time.monotonic()
    directory = Path(directory)
    for number in numbers:
        data = readable_metadata(HTML(string=ACT_PAGE.format(number=number)).write_pdf(pdf_variant="pdf/a-3b"))
        copy = make_copy(data, f"{number}.pdf")
        path = directory / f"{number}.pdf"
        with copy["file"].open() as stream, open(path, "wb") as target:
            shutil.copyfileobj(stream, target)
        keys = ("sha512", "size", "puid", "mime", "format_name")
        copies[number] = {"path": str(path), **{key: copy[key] for key in keys}}
    per_act = (time.monotonic() - started) / max(len(numbers), 1)
    Path(result_file).write_text(json.dumps({"copies": copies, "per_act": per_act}))


def schema_directory():
    value = os.environ.get("DELIBERATIONS_SEDA_SCHEMAS") or str(ROOT.parent / "shared" / "seda" / "2.2")
    return value if (Path(value) / "seda-2.2-main.xsd").is_file() else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deliberations", type=int, default=1000)
    parser.add_argument("--files-per-deliberation", type=int, default=4)
    parser.add_argument("--megabytes", type=int, default=2048)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--acts-pdfa", type=int, default=20, help="acts rendered as PDF/A to time it (0: skip)")
    parser.add_argument(
        "--no-copies", action="store_true", help="no act's PDF/A ready: the acts go as XHTML (the former run)"
    )
    parser.add_argument("--workers", type=int, default=2, help="processes rendering the acts' copies ahead")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", nargs=3, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        return child(*options.child)
    if options.prepare:
        numbers, directory, result_file = options.prepare
        return prepare_copies(json.loads(Path(numbers).read_text()), directory, result_file)
    from benchlib import table

    if shutil.which("zip") is None:
        sys.exit("The baseline needs zip: apt-get install zip (make install does).")
    work = Path(tempfile.mkdtemp(prefix="deliberations-bench-archives-"))
    try:
        data, vault = work / "data", work / "vault"
        data.mkdir()
        vault.mkdir()
        print(
            f"writing {options.deliberations} deliberations x {options.files_per_deliberation} files, "
            f"{options.megabytes} MB, {options.sessions} séances in {work} ...",
            flush=True,
        )
        numbers = [f"DEL2025_{number:04d}" for number in range(1, options.deliberations + 1)]
        preparing = []
        if not options.no_copies:  # the acts' copies rendered meanwhile, by --workers processes (Zope processes)
            (work / "copies").mkdir()
            for index in range(options.workers):
                (work / f"numbers-{index}.json").write_text(json.dumps(numbers[index :: options.workers]))
                command = [sys.executable, __file__, "--prepare", str(work / f"numbers-{index}.json")]
                command += [str(work / "copies"), str(work / f"prepared-{index}.json")]
                preparing.append(subprocess.Popen(command))
        year = generate(
            data, options.deliberations, options.files_per_deliberation, options.megabytes, options.sessions
        )
        files = sum(1 for p in data.rglob("*") if p.is_file())
        size = total_bytes(data)
        from collective.deliberations.archives.identify import _digest_and_identify

        started = time.monotonic()
        known = {}
        for path in sorted(p for p in data.rglob("*") if p.is_file()):
            with open(path, "rb") as stream:
                known[str(path)] = _digest_and_identify(stream)
        upload_s = time.monotonic() - started
        puids = sorted({value["puid"] for value in known.values()})
        (work / "year.json").write_text(
            json.dumps(
                [[(s, str(c), [(n, [str(p) for p in paths]) for n, paths in acts]) for s, c, acts in year], known]
            )
        )
        per_ready_act = None
        if preparing:
            started = time.monotonic()
            if any(process.wait() != 0 for process in preparing):
                sys.exit("the acts' PDF/A copies could not be prepared")
            parts = [json.loads((work / f"prepared-{i}.json").read_text()) for i in range(len(preparing))]
            (work / "copies.json").write_text(json.dumps({k: v for part in parts for k, v in part["copies"].items()}))
            per_ready_act = sum(part["per_act"] for part in parts) / len(parts)
            print(
                f"acts' PDF/A copies ready ({per_ready_act:.2f} s/act; waited {time.monotonic() - started:.0f} s)",
                flush=True,
            )
        subprocess.run("find . -type f -print0 | xargs -0 cat > /dev/null", shell=True, cwd=data, check=True)
        if preparing:
            subprocess.run(["sh", "-c", "cat * > /dev/null"], cwd=work / "copies", check=True)
        schemas = schema_directory()
        print("XSD validation:", schemas or "NO SCHEMA FOUND: the manifests are NOT validated in this run", flush=True)
        zip_s, sha_s = baseline(data, work)
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(work / "year.json"), str(vault), schemas or ""],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        zip_s2, sha_s2 = baseline(data, work)  # measured again after, to see the noise
        base_s = min(zip_s + sha_s, zip_s2 + sha_s2)
        mb = size / 1024 / 1024
        growth = figures["peak"] - figures["rss_before"]
        ratio = (mb / figures["seconds"]) / (mb / base_s)
        rows = [
            ("files", f"{files}", ""),
            ("bytes of the files", f"{mb:,.0f} MB", ""),
            ("baseline zip -0", f"{zip_s:.1f} s / {zip_s2:.1f} s", "before / after"),
            ("baseline sha512sum", f"{sha_s:.1f} s / {sha_s2:.1f} s", "before / after"),
            ("baseline throughput (best)", f"{mb / base_s:,.1f} MB/s", ""),
            ("identification at upload", f"{upload_s / files * 1000:.1f} ms/file", f"once per document; {puids}"),
            (
                "acts' PDF/A copies ready",
                "none: acts as XHTML" if per_ready_act is None else f"{options.deliberations}",
                "" if per_ready_act is None else f"rendered ahead, {per_ready_act:.2f} s/act; none at the export",
            ),
            ("export: SIPs written", f"{figures['sips']}", f"{figures['sip_bytes'] / 1024 / 1024:,.0f} MB"),
            ("export time", f"{figures['seconds']:.1f} s", ""),
            ("export throughput", f"{mb / figures['seconds']:,.1f} MB/s", f"ratio {ratio:.2f} (target >= 0.50)"),
            ("memory: RSS before", f"{figures['rss_before']:.0f} MB", ""),
            ("memory: peak (VmHWM)", f"{figures['peak']:.0f} MB", ""),
            ("memory growth", f"{growth:.0f} MB", "target < 150 MB"),
        ]
        if options.acts_pdfa:
            per_act = act_rendering(options.acts_pdfa)
            rendered_s = figures["seconds"] + per_act * options.deliberations
            rows += [
                ("act as PDF/A (WeasyPrint)", f"{per_act * 1000:.0f} ms/act", f"{options.acts_pdfa} acts rendered"),
                (
                    "export if no act was published",
                    f"{mb / rendered_s:,.1f} MB/s",
                    f"ratio {(mb / rendered_s) / (mb / base_s):.2f}: every act rendered at the export",
                ),
            ]
        print(table(rows, header=("measure", "value", "note")))
        print(
            f"memory growth < 150 MB: {'yes' if growth < 150 else 'NO'}; "
            f"throughput >= half the baseline's: {'yes' if ratio >= 0.5 else 'NO'}"
        )
    finally:
        if options.keep:
            print("kept:", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
