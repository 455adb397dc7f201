"""The draft of the procès-verbal (L2121-15): date and time, president, members present, represented, excused and
absent, secrétaire de séance, quorum, agenda, each deliberation with its vote (names for a public ballot) and room
for the substance of the discussions. An OpenDocument text (.odt) the secretary completes in a word processor;
approving, signing and publishing it are later steps."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.collectivite import get_settings
from collective.deliberations.documents.office import libreoffice_command
from collective.deliberations.documents.writing import write_document
from collective.deliberations.richtext import safe_output
from collective.deliberations.seance import refuse
from collective.deliberations.seance.attendance import agenda_ids
from collective.deliberations.seance.attendance import members
from collective.deliberations.seance.attendance import Presence
from collective.deliberations.seance.liste import french_date
from collective.deliberations.seance.record import get_record
from collective.deliberations.security.disclosure import is_huis_clos
from html import escape
from plone import api
from plone.namedfile.file import NamedBlobFile

import os
import subprocess
import tempfile


FILE_ID = "proces-verbal-projet"
ODT = "application/vnd.oasis.opendocument.text"
RECONVENED = ", séance réunie sans condition de quorum après une première convocation"
HUIS_CLOS = (
    "<p><strong>Point examiné à huis clos</strong> (article L2121-18 du CGCT) : le public n'assistait pas aux débats"
    " ni au vote. Les noms des votants d'un scrutin public figurent au procès-verbal (article L2121-15).</p>"
)
CHOICES = (("pour", "Pour"), ("contre", "Contre"), ("abstention", "Abstention"), ("npp", "Ne prennent pas part"))


def title(session):
    return f"Procès-verbal de la séance du {french_date(session.start)} (projet)"


def _deliberation(item):
    return item.get_deliberation() if item.item_kind == "deliberation" else None


def _huis_clos_mark(item):
    return " (huis clos)" if is_huis_clos(_deliberation(item)) else ""


def _names(people, names):
    return ", ".join(escape(names.get(m, m)) for m in people) or "—"


def _vote(vote, names):
    counts = vote["counts"]
    outcome = "Adoptée" if vote["adopted"] else "Rejetée"
    if vote["number"]:
        outcome += f" (délibération n° {escape(vote['number'])})"
    if vote["mode"] == "unanimity":
        return f"<p>Vote : {outcome} à l'unanimité des {counts['pour']} votants.</p>"
    lines = [f"<p>Vote {'à scrutin secret' if vote['mode'] == 'secret' else 'public'} : {outcome}."]
    lines.append(f" Suffrages exprimés : {vote['exprimes']}.")
    if vote["casting_vote"]:
        lines.append(" Partage des voix : la voix du président est prépondérante.")
    lines.append("</p><ul>")
    for choice, label in CHOICES:
        voters = [m for m, c in vote["ballots"].items() if c == choice]
        detail = f" : {_names(voters, names)}" if vote["mode"] == "public" and voters else ""
        lines.append(f"<li>{label} : {counts[choice]}{detail}</li>")
    return "".join(lines) + "</ul>"


def minutes_html(session):
    record = get_record(session)
    in_office, order = members(session), agenda_ids(session)
    opening = Presence(session, None, in_office, order)
    names = {m: membership.member_name() for m, membership in opening.in_office.items()}
    by_status = {s: [m for m, v in opening.status.items() if v == s] for s in ("present", "excused", "absent")}
    represented = "; ".join(
        f"{escape(names[g])} (pouvoir à {escape(names.get(h, h))})" for g, h in sorted(opening.proxies.items())
    )
    body = aq_parent(aq_inner(session))
    start = session.start
    head = (
        f"<p>{escape(get_settings().name or '')}<br>{escape(body.Title())}</p><h1>{escape(title(session))}</h1>"
        f"<p>Séance du {french_date(start)} à {start.strftime('%H:%M')}"
        + (f", {escape(session.place)}" if session.place else "")
        + ".</p>"
        f"<p>Présidence : {_names([session.president] if session.president else [], names)}. "
        f"Secrétaire de séance : {_names([session.secretary] if session.secretary else [], names)}.</p>"
        f"<p>Membres en exercice : {len(opening.voting)}. Présents ({len(by_status['present'])}) : "
        f"{_names(by_status['present'], names)}.</p><p>Représentés : {represented or '—'}.</p>"
        f"<p>Excusés : {_names(by_status['excused'], names)}. Absents : {_names(by_status['absent'], names)}.</p>"
        f"<p>Quorum : {'atteint' if opening.quorum else 'non atteint'} "
        f"({len(opening.present_voting)} présents, {opening.quorum_needed} requis)"
        + (
            ", séance réunie sans condition de quorum après une première convocation"
            if record and record.reconvened
            else ""
        )
        + ".</p><h2>Ordre du jour</h2><ol>"
        + "".join(f"<li>{escape(item.Title())}{_huis_clos_mark(item)}</li>" for item in session.agenda())
        + "</ol>"
    )
    parts = [head]
    for rank, item in enumerate(session.agenda(), 1):
        presence = Presence(session, item.getId(), in_office, order)
        parts.append(f"<h2>{rank}. {escape(item.Title())}</h2>")
        if is_huis_clos(_deliberation(item)):
            parts.append(HUIS_CLOS)
        out = [m for m, s in presence.status.items() if s == "conflict"]
        if out:
            parts.append(f"<p>Ne prennent pas part (hors de la salle) : {_names(out, names)}.</p>")
        deliberation = _deliberation(item)
        if deliberation is not None and deliberation.expose:
            parts.append(f"<h3>Exposé</h3>{safe_output(deliberation.expose)}")
        parts.append("<h3>Débats</h3><p>[Substance des débats à compléter par le secrétaire de séance.]</p>")
        vote = record.votes.get(item.getId()) if record is not None else None
        if vote:
            parts.append(_vote(vote, names))
    return '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body>{}</body></html>'.format(
        "".join(parts)
    )


def to_odt(html_path, workdir):
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir=workdir)
    command = libreoffice_command(html_path, workdir, profile)
    command[command.index("--convert-to") + 1] = "odt:writerweb8_writer"  # HTML in, Writer document out
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return os.path.splitext(html_path)[0] + ".odt"


def generate_minutes(session):
    """Make (or make again, until approved) the draft as an internal document of the session; returns it."""
    from collective.deliberations.seance.publication import check_not_approved

    check_not_approved(session)
    if api.content.get_state(session) not in ("held", "closed"):
        refuse(_("seance_minutes_not_held", default="The procès-verbal is drafted once the séance is held."))
    with tempfile.TemporaryDirectory(prefix="pv-") as workdir:
        source = os.path.join(workdir, "proces-verbal.html")
        with open(source, "w", encoding="utf-8") as out:
            out.write(minutes_html(session))
        with open(to_odt(source, workdir), "rb") as odt:
            data = odt.read()
    blob = NamedBlobFile(data, contentType=ODT, filename=f"{FILE_ID}.odt")
    return write_document(session, FILE_ID, blob, title(session), "proces_verbal", publishable=False)
