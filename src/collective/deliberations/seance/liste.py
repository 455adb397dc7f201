"""The liste des délibérations of a séance (L2121-25): the date of the séance and the objet of each deliberation
examined, adopted or rejected; a PDF document of the session, made by LibreOffice from HTML, to publish within
the week."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.collectivite import get_settings
from collective.deliberations.documents.office import office_to_pdf
from collective.deliberations.documents.writing import write_document
from collective.deliberations.seance import refuse
from html import escape
from plone import api
from plone.namedfile.file import NamedBlobFile

import os
import tempfile


FILE_ID = "liste-des-deliberations"
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
OUTCOMES = {"adopted": "Adoptée", "published": "Adoptée", "rejected": "Rejetée"}


def french_date(value):
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def title(session):
    return f"Liste des délibérations de la séance du {french_date(session.start)}"


def examined(session):
    """(rank on the agenda, deliberation, outcome) of the deliberations adopted or rejected at this séance."""
    rows = []
    for rank, item in enumerate(session.agenda(), 1):
        deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
        if deliberation is None or deliberation.session_uid != session.UID():
            continue
        outcome = OUTCOMES.get(api.content.get_state(deliberation))
        if outcome:
            rows.append((rank, deliberation, outcome))
    return rows


def html(session):
    body = aq_parent(aq_inner(session))
    rows = "".join(
        f"<tr><td>{rank}</td><td>{escape(d.number or '')}</td><td>{escape(d.Title())}</td><td>{outcome}</td></tr>"
        for rank, d, outcome in examined(session)
    )
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        "<style>body{{font-family:sans-serif;font-size:11pt}} table{{border-collapse:collapse;width:100%}}"
        " td,th{{border:1px solid #444;padding:4px;text-align:left;vertical-align:top}}</style></head><body>"
        "<p>{collectivite}<br>{body}</p><h1>{title}</h1>"
        "<table><thead><tr><th>Point</th><th>Numéro</th><th>Objet</th><th>Décision</th></tr></thead>"
        "<tbody>{rows}</tbody></table></body></html>"
    ).format(
        title=escape(title(session)),
        collectivite=escape(get_settings().name or ""),
        body=escape(body.Title()),
        rows=rows,
    )


def generate_liste(session):
    """Make (or make again, until published) the list as a PDF document of the session, internal until published
    (publication.publish_liste); returns the document."""
    from collective.deliberations.seance.publication import check_liste_not_published

    check_liste_not_published(session)
    blob = NamedBlobFile(liste_pdf(session), contentType="application/pdf", filename=f"{FILE_ID}.pdf")
    # A document the system writes for the secretariat (who asked, with Record outcome): also once the séance is
    # closed, when only a Manager adds content to it.
    return write_document(session, FILE_ID, blob, title(session), "liste_deliberations", publishable=False)


def liste_pdf(session):
    """The list as PDF bytes, made by LibreOffice from its HTML."""
    if api.content.get_state(session) not in ("held", "closed"):
        refuse(_("seance_liste_not_held", default="The list of deliberations is made once the séance is held."))
    if not examined(session):
        refuse(_("seance_liste_empty", default="No deliberation has been adopted or rejected at this séance yet."))
    with tempfile.TemporaryDirectory(prefix="liste-") as workdir:
        source = os.path.join(workdir, "liste.html")
        with open(source, "w", encoding="utf-8") as out:
            out.write(html(session))
        with open(office_to_pdf(source, "html", workdir), "rb") as pdf:
            return pdf.read()
