"""Files made inside the tests by the real tools: Ghostscript for PDFs, GraphicsMagick for a scan, LibreOffice for
office files, qpdf for a password; nothing is shipped."""

from pathlib import Path

import shutil
import subprocess
import tempfile
import zipfile


def postscript(lines, size=24):
    pages = "".join(
        f"/Helvetica findfont {size} scalefont setfont 72 650 moveto ({line}) show showpage\n" for line in lines
    )
    return "%!PS\n" + pages


def pdf(directory, name, lines, size=24):
    directory = Path(directory)
    source, target = directory / f"{name}.ps", directory / f"{name}.pdf"
    source.write_text(postscript(lines, size))
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={target}", str(source)], check=True
    )
    return target


def scanned_pdf(directory, name, line):
    """A PDF holding only a picture of a page: no text layer, as a scanner makes."""
    directory = Path(directory)
    source = directory / f"{name}.ps"
    source.write_text(postscript([line], size=40))
    image = directory / f"{name}.png"
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray", "-r200", f"-sOutputFile={image}", str(source)],
        check=True,
    )
    target = directory / f"{name}.pdf"
    subprocess.run(["gm", "convert", str(image), str(target)], check=True)
    return target


def libreoffice(directory, source, target_format):
    profile = tempfile.mkdtemp(prefix="lo-test-")
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target_format,
                "--outdir",
                str(directory),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def office_files(directory, word):
    """One file per office format the issue names, each holding ``word``: {extension: path}."""
    directory = Path(directory)
    html = directory / "texte.html"
    html.write_text(f"<html><body><h1>Rapport</h1><p>Annexe {word} du budget</p></body></html>")
    csv = directory / "tableur.csv"
    csv.write_text(f"Compte,Montant\n{word},42\n")
    slides = pdf(directory, "diapo", [f"Diapo {word}"])
    libreoffice(directory, html, "docx:MS Word 2007 XML")
    libreoffice(directory, html, "doc:MS Word 97")
    libreoffice(directory, directory / "texte.docx", "odt")
    libreoffice(directory, csv, "xlsx")
    libreoffice(directory, csv, "ods")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tempfile.mkdtemp(prefix='lo-test-')}",
            "--headless",
            "--infilter=impress_pdf_import",
            "--convert-to",
            "pptx",
            "--outdir",
            str(directory),
            str(slides),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {
        "odt": directory / "texte.odt",
        "docx": directory / "texte.docx",
        "doc": directory / "texte.doc",
        "xlsx": directory / "tableur.xlsx",
        "ods": directory / "tableur.ods",
        "pptx": directory / "diapo.pptx",
    }


def with_macros(docx, target):
    """A copy of a docx with a VBA project inside, as Word saves a document with macros."""
    shutil.copyfile(docx, target)
    with zipfile.ZipFile(target, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 fake VBA project")
    return target


def password_pdf(source, target):
    subprocess.run(["qpdf", "--encrypt", "lecteur", "proprietaire", "256", "--", str(source), str(target)], check=True)
    return target


def zip_bomb(docx, target, megabytes=300):
    """A copy of a docx whose text gains a paragraph of ``megabytes`` MB of zeros: a few hundred KB on disk, as
    many MB once unpacked, and minutes of LibreOffice."""
    chunk = b"0" * 2**20
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename != "word/document.xml":
                bomb.writestr(member, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            info = zipfile.ZipInfo(member.filename, member.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            with bomb.open(info, "w", force_zip64=True) as stream:
                stream.write(head + b"<w:body><w:p><w:r><w:t>")
                for _megabyte in range(megabytes):
                    stream.write(chunk)
                stream.write(b"</w:t></w:r></w:p>" + tail)
    return target


def long_pdf(source, target, pages):
    """A PDF of ``pages`` pages: the first page of ``source`` again and again (qpdf)."""
    subprocess.run(["qpdf", "--empty", "--pages", *[str(source), "1"] * pages, "--", str(target)], check=True)
    return target
