"""The Atom feed (RFC 4287) of the published acts: one entry an act, its permanent URL as id and link."""

from collective.deliberations.portal.publication import online_date
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
    etree.SubElement(feed, f"{{{ATOM}}}title").text = f"Actes publiés — {view.collectivite()}"
    acts = [brain.getObject() for brain in brains]
    dates = [online_date(act) for act in acts if online_date(act) is not None]
    etree.SubElement(feed, f"{{{ATOM}}}updated").text = iso(max(dates) if dates else None)
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    etree.SubElement(author, f"{{{ATOM}}}name").text = view.collectivite()
    etree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{view.base_url()}/atom.xml")
    etree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=view.base_url())
    for act in acts:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        url = view.permanent_url(act)
        etree.SubElement(entry, f"{{{ATOM}}}id").text = url
        etree.SubElement(entry, f"{{{ATOM}}}title").text = f"{act.number or ''} {act.Title()}".strip()
        etree.SubElement(entry, f"{{{ATOM}}}updated").text = iso(online_date(act))
        etree.SubElement(entry, f"{{{ATOM}}}published").text = iso(online_date(act))
        etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        summary = etree.SubElement(entry, f"{{{ATOM}}}summary")
        summary.text = f"Acte n° {act.number}, décidé le {act.decision_date:%d/%m/%Y}" if act.decision_date else ""
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8")
