"""The whole dossier of a session as one PDF, with its *sommaire*: a first page listing every agenda item and its
documents with their page, and a bookmark (PDF outline) per agenda item and per document under it.

Who reads decides what goes in: the caller passes the documents that reader may see (browser/dossier.py). Each PDF
goes in as it is; an office document contributes the PDF the documents module made of it (documentviewer's
``pdf/dump.pdf``); anything else becomes a page that names the file and says why it is missing. qpdf merges the
files on disk (``qpdf --empty --pages``) and writes the outline (``--update-from-json``): nothing is held whole in
memory. The result is kept as a blob on the session, under a key made of what went in (each document's file, its
modification and its converted PDF), so that it is built again only when the dossier changes.
"""

from BTrees.OOBTree import OOBTree
from collective.deliberations import _
from collective.deliberations.convocation.storage import now
from collective.deliberations.documents.rendering import html_document
from collective.deliberations.documents.status import get_status
from persistent.mapping import PersistentMapping
from ZODB.blob import Blob
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile


CACHE_KEY = "collective.deliberations.convocation.dossier_pdf"
KEPT = 6  # dossiers kept per session (audiences and versions), the oldest dropped first
UNMADE = _(
    "dossier_pdf_unmade",
    default="The dossier cannot be assembled into one PDF: one of its documents is damaged. Its files stay"
    " downloadable one by one and as a zip.",
)

logger = logging.getLogger("collective.deliberations.convocation")


class DossierUnmade(Exception):
    """qpdf could not assemble the dossier (a document it cannot merge): a 409 with UNMADE."""


class Entry:
    """One document of the dossier: its agenda item, and where its PDF is (or why there is none)."""

    def __init__(self, item_key, item_title, obj):
        self.item_key, self.item_title, self.obj = item_key, item_title, obj
        self.title = obj.Title() or obj.getId()
        self.filename = getattr(obj.file, "filename", None) or obj.getId()
        self.path, self.reason, self.pages, self.start = None, None, 0, 0

    def fingerprint(self):
        converted = self.converted_blob()
        return [
            self.item_key,
            self.obj.UID(),
            self.title,
            self.filename,
            self.obj.file.getSize(),
            str(self.obj.modified()),
            _serial(self.obj.file._blob),
            _serial(converted) if converted is not None else None,
            (get_status(self.obj) or {}).get("state"),  # the page standing for a missing PDF says why
        ]

    def is_pdf(self):
        return self.filename.lower().endswith(".pdf") or self.obj.file.contentType == "application/pdf"

    def converted_blob(self):
        if self.is_pdf():
            return None
        from collective.documentviewer.settings import Settings

        files = Settings(self.obj).blob_files or {}
        return files.get("pdf/dump.pdf")

    def locate(self):
        """Find the PDF and count its pages; otherwise say why it is missing."""
        blob = self.obj.file._blob if self.is_pdf() else self.converted_blob()
        if blob is None:
            status = get_status(self.obj)
            if status is not None and status.get("state") == "pending":
                self.reason = _("dossier_pdf_pending", default="its conversion to PDF is not done yet.")
            elif status is not None and status.get("state") == "failed":
                self.reason = _("dossier_pdf_failed", default="it could not be converted to PDF.")
            else:
                self.reason = _("dossier_pdf_not_convertible", default="it is not a PDF and has no PDF version.")
            return
        path = blob.committed()
        counted = subprocess.run(["qpdf", "--show-npages", path], capture_output=True, text=True)
        if counted.returncode not in (0, 3) or not counted.stdout.strip().isdigit():
            self.reason = _("dossier_pdf_unreadable", default="its PDF cannot be read (damaged or protected).")
            return
        self.path, self.pages = path, int(counted.stdout.strip())


def _serial(blob):
    blob._p_activate()  # a ghost's serial reads as zero
    serial = getattr(blob, "_p_serial", None)
    return serial.hex() if isinstance(serial, bytes) else None


def cache_key(session, items, entries):
    data = [session.UID(), session.Title(), str(session.start), session.place or "", items]
    data += [entry.fingerprint() for entry in entries]
    return hashlib.sha256(json.dumps(data, default=str).encode("utf-8")).hexdigest()


def _cache(session, create=False):
    annotations = IAnnotations(session)
    cache = annotations.get(CACHE_KEY)
    if cache is None and create:
        cache = annotations[CACHE_KEY] = OOBTree()
    return cache


def _qpdf_json(path, *options):
    done = subprocess.run(["qpdf", path, "--json=2", *options], capture_output=True, text=True)
    _check(done)
    return json.loads(done.stdout)


def _text(value):
    return "u:" + value


def outline_update(path, marks):
    """The qpdf JSON that adds the outline `marks` ([(title, page index, [(title, page index, [])])]) to `path`."""
    info = _qpdf_json(path, "--json-key=pages", "--json-key=qpdf", "--json-object=trailer")
    pages = [page["object"] for page in info["pages"]]
    header = info["qpdf"][0]
    root_id = info["qpdf"][1]["trailer"]["value"]["/Root"]
    root = _qpdf_json(path, "--json-key=qpdf", f"--json-object={root_id.split()[0]}")["qpdf"][1][f"obj:{root_id}"]
    root = root["value"]
    next_id = header["maxobjectid"] + 1
    objects = {}

    def ref(number):
        return f"{number} 0 R"

    def add(children, parent):
        nonlocal next_id
        numbers = []
        for _title, _page, _kids in children:
            numbers.append(next_id)
            next_id += 1
        for position, (title, page, kids) in enumerate(children):
            value = {"/Title": _text(title), "/Parent": ref(parent), "/Dest": [pages[page], "/Fit"]}
            if position:
                value["/Prev"] = ref(numbers[position - 1])
            if position + 1 < len(numbers):
                value["/Next"] = ref(numbers[position + 1])
            if kids:
                first, last = add(kids, numbers[position])
                value.update({"/First": ref(first), "/Last": ref(last), "/Count": len(kids)})
            objects[f"obj:{ref(numbers[position])}"] = {"value": value}
        return numbers[0], numbers[-1]

    outlines = next_id
    next_id += 1
    first, last = add(marks, outlines)
    count = len(marks) + sum(len(kids) for _t, _p, kids in marks)
    objects[f"obj:{ref(outlines)}"] = {
        "value": {"/Type": "/Outlines", "/First": ref(first), "/Last": ref(last), "/Count": count}
    }
    objects[f"obj:{root_id}"] = {"value": {**root, "/Outlines": ref(outlines), "/PageMode": "/UseOutlines"}}
    return {"qpdf": [{**header, "maxobjectid": next_id - 1}, objects]}


def render(html):
    """WeasyPrint's layout of `html`: its pages are counted before anything is written."""
    return html_document(html).render()


def _run_qpdf(args, workdir):
    """qpdf with its arguments in a file (a dossier of hundreds of documents passes any command line's limit)."""
    argfile = os.path.join(workdir, "args")
    with open(argfile, "w") as stream:
        stream.write("\n".join(args) + "\n")
    _check(subprocess.run(["qpdf", f"@{argfile}"], capture_output=True, text=True))


def _check(done):
    """qpdf's refusal goes to the log (it names the files of the server), the reader gets DossierUnmade."""
    if done.returncode not in (0, 3):  # 3: warnings only, the output is written
        logger.warning("qpdf could not assemble a dossier: %s", done.stderr.strip()[-500:])
        raise DossierUnmade(UNMADE)


def _front(render_front, groups, entries, missing, workdir):
    """The sommaire and the pages standing for the missing documents, in one PDF; its sommaire's page count."""
    path = os.path.join(workdir, "front.pdf")
    toc_pages = 1 + (len(entries) + 2 * len(groups)) // 45  # about 45 lines a page: mostly right the first time
    for _attempt in range(5):
        page = toc_pages
        for entry in entries:
            entry.start = page
            page += entry.pages if entry.path else 1
        data = {
            "groups": [
                {"title": title, "documents": [e for e in entries if e.item_key == key]} for key, title in groups
            ],
            "missing": missing,
            "pages": page,
        }
        document = render(render_front(data))
        counted = len(document.pages) - len(missing)
        if counted == toc_pages:
            document.write_pdf(path)
            return path, toc_pages
        toc_pages = counted
    raise RuntimeError("the sommaire's length does not settle")


def build_pdf(session, groups, documents, render_front):
    """A Blob holding the dossier of `documents` ([(group key, obj)]) under the `groups` ([(key, title)]) in
    this order; kept on the session and given again until what it is made of changes. (blob, built now?)"""
    entries = [Entry(key, dict(groups)[key], obj) for key, obj in documents]
    key = cache_key(session, groups, entries)
    cache = _cache(session)
    if cache is not None and key in cache:
        return cache[key]["blob"], False
    workdir = tempfile.mkdtemp(prefix="deliberations-dossier-")
    try:
        for entry in entries:
            entry.locate()
        missing = [entry for entry in entries if entry.path is None]
        front, toc_pages = _front(render_front, groups, entries, missing, workdir)
        args = ["--empty", "--pages", front, f"1-{toc_pages}"]
        for entry in entries:
            if entry.path:
                args += [entry.path, "1-z"]
            else:
                args += [front, str(toc_pages + missing.index(entry) + 1)]
        merged = os.path.join(workdir, "merged.pdf")
        _run_qpdf(args + ["--", merged], workdir)
        marks = [(translate(_("dossier_pdf_toc", default="Contents"), context=getRequest()), 0, [])]
        for group_key, title in groups:
            kids = [(f"{e.title} ({e.filename})", e.start, []) for e in entries if e.item_key == group_key]
            marks.append((title, kids[0][1] if kids else 0, kids))
        update = os.path.join(workdir, "outline.json")
        with open(update, "w") as stream:
            json.dump(outline_update(merged, marks), stream)
        final = os.path.join(workdir, "dossier.pdf")
        _run_qpdf([merged, f"--update-from-json={update}", final], workdir)
        blob = Blob()
        blob.consumeFile(final)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    cache = _cache(session, create=True)
    cache[key] = PersistentMapping({"blob": blob, "built_at": now()})
    for old in sorted(cache.keys(), key=lambda k: cache[k]["built_at"])[:-KEPT]:
        del cache[old]
    return blob, True


def safe_name(text):
    return re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "_", text).strip(" .")[:80] or "_"


def write_zip(groups, documents, stream):
    """Every file of `documents`, in a folder per agenda item, into the binary `stream`."""
    import zipfile

    folders = {key: f"{number:02d} {safe_name(title)}" for number, (key, title) in enumerate(groups)}
    used = set()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key, obj in documents:
            name = f"{folders[key]}/{safe_name(getattr(obj.file, 'filename', None) or obj.getId())}"
            stem, dot, extension = name.rpartition(".")
            number = 2
            while name in used:
                name = f"{stem} ({number}).{extension}" if dot else f"{name} ({number})"
                number += 1
            used.add(name)
            info = zipfile.ZipInfo(name, date_time=obj.modified().asdatetime().timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            with obj.file.open() as source, archive.open(info, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
