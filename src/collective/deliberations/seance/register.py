"""The register of deliberations of a year (R2121-9): the acts in order, numbered within each séance; each séance
closed by the list of the members present with room for the signatures of the president and the secretary; tables
by date and by subject. A PDF made by LibreOffice from HTML."""

from collective.deliberations import _
from collective.deliberations.collectivite import get_settings
from collective.deliberations.documents.office import office_to_pdf
from collective.deliberations.richtext import safe_output
from collective.deliberations.seance import refuse
from collective.deliberations.seance.attendance import Presence
from collective.deliberations.seance.liste import french_date
from html import escape
from plone import api

import os
import tempfile


PAGE_BREAK = '<p style="page-break-before: always"></p>'


def acts_of(year):
    """{session: [acts in number order]} for the numbered acts decided in `year`, séances in date order."""
    from collective.deliberations.events.deliberations import _session

    brains = api.content.find(portal_type="Deliberation", review_state=["adopted", "published"], unrestricted=True)
    acts = [brain._unrestrictedGetObject() for brain in brains]
    acts = [a for a in acts if a.number and a.decision_date and a.decision_date.year == year]
    sessions = {}
    for act in sorted(acts, key=lambda a: a.number):
        session = _session(act.session_uid)
        if session is not None:
            sessions.setdefault(session.UID(), (session, []))[1].append(act)
    return sorted(sessions.values(), key=lambda pair: pair[0].start)


def _closing(session):
    presence = Presence(session)
    names = ", ".join(escape(presence.in_office[m].member_name()) for m in presence.present) or "—"
    return (
        f"<h3>Clôture de la séance du {french_date(session.start)}</h3><p>Membres présents : {names}.</p>"
        '<table style="width:100%"><tr><td style="height:5em;border:1px solid #444">Le président</td>'
        '<td style="border:1px solid #444">Le secrétaire de séance</td></tr></table>'
    )


def register_html(year):
    groups = acts_of(year)
    if not groups:
        refuse(_("seance_register_empty", default="No act was numbered in ${year}.", mapping={"year": year}))
    parts = [f"<h1>Registre des délibérations {year}</h1><p>{escape(get_settings().name or '')}</p>"]
    by_date, by_subject = [], []
    for session, acts in groups:
        parts.append(f"{PAGE_BREAK}<h2>Séance du {french_date(session.start)} — {escape(session.Title())}</h2>")
        for rank, act in enumerate(acts, 1):
            dispositif = safe_output(act.dispositif) or ""
            parts.append(f"<h3>{rank}. Délibération n° {escape(act.number)} — {escape(act.Title())}</h3>{dispositif}")
            by_date.append((act.decision_date, act.number, act.Title()))
            by_subject.append((act.matiere or "", act.number, act.Title()))
        parts.append(_closing(session))
    for heading, rows, first in (
        ("Table par date", sorted(by_date), lambda row: row[0].strftime("%d/%m/%Y")),
        ("Table par matière", sorted(by_subject), lambda row: row[0]),
    ):
        cells = "".join(
            f"<tr><td>{escape(first(row))}</td><td>{escape(row[1])}</td><td>{escape(row[2])}</td></tr>" for row in rows
        )
        parts.append(f"{PAGE_BREAK}<h2>{heading}</h2><table border='1' cellpadding='3'>{cells}</table>")
    return '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body>{}</body></html>'.format(
        "".join(parts)
    )


def register_pdf(year):
    with tempfile.TemporaryDirectory(prefix="registre-") as workdir:
        source = os.path.join(workdir, "registre.html")
        with open(source, "w", encoding="utf-8") as out:
            out.write(register_html(year))
        with open(office_to_pdf(source, "html", workdir), "rb") as pdf:
            return pdf.read()
