"""The bordereau d'élimination: the data (records, dates, volumes, rules) and a PDF of it, on as many A4 pages as
it needs. Written by hand like the demo's PDFs (standard fonts, no dependency)."""

import re


LINES_PER_PAGE = 56


def _escape(line):
    data = line.encode("cp1252", errors="replace")
    return re.sub(rb"([()\\])", rb"\\\1", data)


def pdf(title, lines):
    """A PDF 1.4 document: `title` in bold on each page, then `lines`, LINES_PER_PAGE a page."""
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    fonts = len(pages) * 2 + 3  # object numbers of the two fonts, after the pages and their contents
    kids = []
    for number, page_lines in enumerate(pages, 1):
        content = b"BT /F2 13 Tf 40 800 Td (" + _escape(f"{title} ({number}/{len(pages)})") + b") Tj ET\n"
        content += b"BT /F1 9 Tf 40 780 Td 13 TL\n" + b"".join(b"(" + _escape(x) + b") '\n" for x in page_lines)
        content += b"ET\n"
        page_id = len(objects) + 1
        kids.append(page_id)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>" % (page_id + 1, fonts, fonts + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def lines_of(proposal):
    """The text of the bordereau: who, what, how much, under which rule."""
    lines = [
        f"Collectivité : {proposal['collectivite']} (SIREN {proposal['siren']})",
        f"Bordereau n° {proposal['id']} — proposé le {proposal['created'][:10]} par {proposal['user']}",
        f"Objet : {proposal['title']}",
        f"{len(proposal['records'])} documents, {proposal['volume']} octets",
        "",
        "Document | catégorie | date de départ | fin de DUA | sort final | règle | fondement",
    ]
    for record in proposal["records"]:
        lines.append(
            f"{record['title']} | {record['category']} | {record['start']} | {record['dua_end']} | "
            f"{record['final_action']} | {record['appraisal_rule']} | {record['legal_basis']}"
        )
        lines.extend(f"    - {doc['title']} ({doc['size']} octets)" for doc in record["documents"])
    lines += ["", "Visa du service d'archives (autorité, date, référence, signature) :"]
    return lines


def entry(obj, title, rule, start, end, documents, **extra):
    """One row of a bordereau: what is destroyed (`documents`: (title, size in bytes) pairs), from which record,
    under which rule of the schedule, its DUA from `start` to `end`."""
    return {
        "uid": obj.UID(),
        **extra,
        "path": "/".join(obj.getPhysicalPath()),
        "title": title,
        "portal_type": obj.portal_type,
        "category": rule["title"],
        "start": str(start),
        "dua_end": str(end),
        "final_action": rule["final_action"],
        "appraisal_rule": rule["appraisal_rule"],
        "legal_basis": rule["legal_basis"],
        "documents": [{"title": name, "size": size} for name, size in documents],
        "volume": sum(size for _name, size in documents),
    }
