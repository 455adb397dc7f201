"""The act for archiving, as PDF/A: the copy frozen at publication (acts/frozen.py, PDF/A-3b) when there is one,
else the act rendered at the export by the view of @@acte.pdf (acts/rendering.py, WeasyPrint, PDF/A-3b). Where
WeasyPrint is not installed, the act goes as the XHTML page collect.act_html writes (the tools do not allow).

The SIP's copy gets its XMP metadata uncompressed (acts/rendering.readable_metadata), so that it is identified as
PDF/A-3b (fmt/480)."""

from collective.deliberations.acts.frozen import published_act
from collective.deliberations.acts.rendering import readable_metadata
from collective.deliberations.acts.rendering import renderer
from collective.deliberations.acts.rendering import site_language
from collective.deliberations.archives.prerender import ready_copy

import io
import logging


logger = logging.getLogger("collective.deliberations.archives")


def act_pdfa(deliberation):
    """(filename, opener, identification, rendered_now) of the act as PDF/A, or None when no PDF/A can be made
    here. In order: the copy frozen at publication; the copy rendered ahead in the background (prerender.py) when it
    was made from the act as it is now (identification: its SHA-512, size and PRONOM format, so the export does
    not read it twice); else, and only then, the act rendered at the moment it is copied into the SIP
    (`rendered_now` True: the export says how many), so that no act is held in memory longer than its own copy."""
    name = deliberation.number or deliberation.getId()
    frozen = published_act(deliberation)
    if frozen is not None and frozen.get("file") is not None:
        named = frozen["file"]
        return f"{name}.pdf", lambda: io.BytesIO(readable_metadata(named.data)), None, False
    view = renderer()
    if view is None:
        return None
    copy = ready_copy(deliberation)
    if copy is not None:
        known = {key: copy.get(key) for key in ("sha512", "size", "puid", "mime", "format_name")}
        return f"{name}.pdf", copy["file"].open, known, False

    def render():
        logger.info(
            "act %s had no archival copy ready: rendered at the export", "/".join(deliberation.getPhysicalPath())
        )
        try:
            with site_language() as request:
                data = view(deliberation, request).render()
        except Exception as error:  # said to the archivist as a file that cannot be read; nothing is exported
            raise OSError(f"PDF/A: {error}") from error
        return io.BytesIO(readable_metadata(data))

    return f"{name}.pdf", render, None, True


# An uploaded act (the signed act, document type "acte") that is not PDF/A gets a PDF/A-2b copy by Ghostscript,
# beside its original (whose electronic signature a conversion would break): BinaryMaster_2 of the same group.

PDFA_PUIDS = {"fmt/95", "fmt/354", "fmt/476", "fmt/477", "fmt/478", "fmt/479", "fmt/480", "fmt/481"}
ICC_PROFILES = ("/usr/share/color/icc/ghostscript/srgb.icc", "/usr/share/ghostscript/iccprofiles/srgb.icc")
CONVERSION_TIMEOUT = 300


def ghostscript_tools():
    """(gs, PDFA_def.ps, sRGB profile) when Ghostscript can write PDF/A here, else None."""
    import glob
    import os
    import shutil

    gs = shutil.which("gs")
    definitions = sorted(glob.glob("/usr/share/ghostscript/*/lib/PDFA_def.ps"))
    profile = next((path for path in ICC_PROFILES if os.path.isfile(path)), None)
    return (gs, definitions[-1], profile) if gs and definitions and profile else None


def needs_pdfa_copy(obj, identification):
    named = getattr(obj, "file", None)
    if getattr(obj, "document_type", None) != "acte" or named is None:
        return False
    known = identification or {}
    is_pdf = known.get("mime") == "application/pdf" or (named.contentType or "") == "application/pdf"
    return is_pdf and known.get("puid") not in PDFA_PUIDS and ghostscript_tools() is not None


def ghostscript_pdfa(named):
    """A PDF/A-2b copy of the PDF `named` (a NamedBlobFile), by Ghostscript, as an open stream; OSError if it
    cannot be made (the export then stops with a clear message)."""
    import os
    import subprocess
    import tempfile

    gs, definitions, profile = ghostscript_tools()
    with tempfile.TemporaryDirectory(prefix="pdfa-") as work:
        source, target, settings = (os.path.join(work, name) for name in ("in.pdf", "out.pdf", "PDFA_def.ps"))
        with open(definitions, encoding="latin-1") as original, open(settings, "w", encoding="latin-1") as copy:
            copy.write(original.read().replace("(srgb.icc)", f"({profile})"))
        with named.open() as stream, open(source, "wb") as copy:
            while chunk := stream.read(1 << 20):
                copy.write(chunk)
        command = [
            gs, "-q", "-dPDFA=2", "-dBATCH", "-dNOPAUSE", "-dSAFER", f"--permit-file-read={os.path.dirname(profile)}/",
            "-sDEVICE=pdfwrite", "-sColorConversionStrategy=RGB", "-dPDFACompatibilityPolicy=1",
            f"-sOutputFile={target}", settings, source,
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=CONVERSION_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as error:
            raise OSError(f"Ghostscript PDF/A: more than {CONVERSION_TIMEOUT} s") from error
        produced = os.path.exists(target) and os.path.getsize(target) > 0
        if done.returncode != 0 or not produced:
            raise OSError(f"Ghostscript PDF/A: {done.stderr.decode(errors='replace')[-300:]}")
        with open(target, "rb") as result:
            return io.BytesIO(result.read())
