"""The Atom feed (RFC 4287) of the published acts: one entry an act, its permanent URL as id and link; with them,
one entry per liste des délibérations, rectificatif or procès-verbal put online (past_sessions.py), its download
address as id and link, the latest first. A document with no date of putting online (Plone reads it as 1969-12-31)
has no <published> and no "Mis en ligne le": its <updated> is its last modification."""

from collective.deliberations.acts.online import online_date
from collective.deliberations.portal.past_sessions import online
from collective.deliberations.portal.past_sessions import recent_documents
from lxml import etree

import datetime


ATOM = "http://www.w3.org/2005/Atom"


def iso(value):
    if value is None:
        return datetime.datetime.now(datetime.UTC).isoformat()
    return value.ISO8601() if hasattr(value, "ISO8601") else value.isoformat()


def atom_feed(view, brains):
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", "fr")
    etree.SubElement(feed, f"{{{ATOM}}}id").text = view.base_url()
    etree.SubElement(feed, f"{{{ATOM}}}title").text = f"Actes et procès-verbaux publiés — {view.collectivite()}"
    acts = [brain.getObject() for brain in brains]
    documents = recent_documents()
    dates = [online_date(act) for act in acts if online_date(act) is not None] + [
        online(b) or b.modified for b in documents
    ]
    etree.SubElement(feed, f"{{{ATOM}}}updated").text = iso(max(dates) if dates else None)
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    etree.SubElement(author, f"{{{ATOM}}}name").text = view.collectivite()
    etree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{view.base_url()}/atom.xml")
    etree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=view.base_url())
    entries = [
        (
            online_date(act),
            online_date(act),
            view.permanent_url(act),
            f"{act.number or ''} {act.Title()}".strip(),
            "text/html",
            f"Acte n° {act.number}, décidé le {act.decision_date:%d/%m/%Y}" if act.decision_date else "",
        )
        for act in acts
    ] + [
        (
            online(brain) or brain.modified,
            online(brain),
            f"{brain.getURL()}/@@download/file",
            brain.Title,
            "application/pdf",
            f"Mis en ligne le {online(brain).strftime('%d/%m/%Y')}" if online(brain) else "",
        )
        for brain in documents
    ]
    entries.sort(key=lambda entry: entry[0].timeTime() if entry[0] is not None else 0, reverse=True)
    for date, published, url, title, media_type, text in entries:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        etree.SubElement(entry, f"{{{ATOM}}}id").text = url
        etree.SubElement(entry, f"{{{ATOM}}}title").text = title
        etree.SubElement(entry, f"{{{ATOM}}}updated").text = iso(date)
        if published is not None:
            etree.SubElement(entry, f"{{{ATOM}}}published").text = iso(published)
        etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type=media_type, href=url)
        etree.SubElement(entry, f"{{{ATOM}}}summary").text = text
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8")
