"""SCDL Délibérations 2.1.5 (OpenDataFrance, https://schema.data.gouv.fr/scdl/deliberations/2.1.5/): one row per
published act, by date of decision then number.

What a row holds, and what it never holds:
- only what an anonymous visitor may read: the catalog is asked with the Anonymous role (allowedRolesAndUsers),
  published acts only (a draft, an act adopted but not yet published, a withdrawn one never), never nature 3
  (individual decisions: the workflow refuses to publish them);
- the vote counts only where the séance was public and the item not in huis clos (L2121-18 CGCT,
  security/disclosure.py): there the four counts are empty. A secret ballot (L2121-21) hides who voted what, not
  the counts, which the president proclaims in séance: they are given. SCDL has no column for names;
- PREF_ID and PREF_DATE only once the ARActe of the préfecture is recorded (acts/actes.py);
- BUDGET_ANNEE and BUDGET_NOM stay empty: the product does not record a budget per act;
- an act classified at level 1 only (7) is left out: SCDL requires a level-2 code (7.1).

The acts are read in batches (BATCH objects, then the ZODB cache is trimmed), so that a collectivité with 100,000
acts is served without holding them all in memory."""

from collective.deliberations.acts.actes import acknowledgement
from collective.deliberations.acts.rendering import agenda_item
from collective.deliberations.acts.rendering import presence_and_vote
from collective.deliberations.collectivite import get_settings
from collective.deliberations.opendata.nomenclature import matiere
from collective.deliberations.security.disclosure import is_huis_clos
from collective.deliberations.security.disclosure import session_is_public
from plone import api

import csv
import io
import re


FIELDS = (
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
)
INDIVIDUAL_DECISION = "3"
BATCH = 200
ANONYMOUS = {"allowedRolesAndUsers": ["Anonymous"]}


def luhn(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def siret(settings):
    """SIREN + NIC of the siège (Collectivité settings), when both are set and the 14 digits pass Luhn."""
    value = f"{settings.siren or ''}{getattr(settings, 'nic', None) or ''}"
    return value if re.fullmatch(r"\d{14}", value) and luhn(value) else ""


def published_brains():
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="Deliberation",
        review_state="published",
        nature={"not": INDIVIDUAL_DECISION},
        sort_on=("decision_date", "act_number"),
        **ANONYMOUS,
    )


class Sessions:
    """The séances the acts come from, each looked up once, as an anonymous visitor may see them."""

    def __init__(self):
        self.found = {}

    def get(self, uid):
        if uid not in self.found:
            catalog = api.portal.get_tool("portal_catalog")
            brains = catalog.unrestrictedSearchResults(UID=uid, **ANONYMOUS) if uid else []
            self.found[uid] = brains[0].getPath() if brains else None
        path = self.found[uid]
        return api.portal.get().unrestrictedTraverse(path) if path else None


def vote_counts(session, act):
    """(effectif, réel, pour, contre, abstention), empty where the law keeps the vote closed."""
    if session is None or not session_is_public(session) or is_huis_clos(act):
        return ("",) * 5
    presence, vote = presence_and_vote(session, agenda_item(session, act))
    if not vote:
        return ("",) * 5
    counts = vote["counts"]
    return (
        vote["presence"]["in_office"],
        counts["pour"] + counts["contre"] + counts["abstention"],
        counts["pour"],
        counts["contre"],
        counts["abstention"],
    )


def row(act, collectivite, sessions, portal_url):
    classified = matiere(act.matiere)
    if classified is None or not act.number or act.decision_date is None:
        return None
    ack = acknowledgement(act)
    departement = collectivite["departement"]
    return dict(
        zip(
            FIELDS,
            (
                collectivite["name"],
                collectivite["siret"],
                act.number,
                act.decision_date.isoformat(),
                *classified,
                " ".join((act.title or "").split()),
                "",
                "",
                f"PREF{departement:0>3}" if ack and departement else "",
                ack["date"] if ack and ack.get("date") else "",
                *vote_counts(sessions.get(act.session_uid), act),
                f"{portal_url}/@@actes/{act.number}/acte.pdf",
            ),
            strict=True,
        )
    )


def rows():
    """Every row, read in batches: the ZODB cache is trimmed after each BATCH objects."""
    portal = api.portal.get()
    settings = get_settings()
    collectivite = {
        "name": settings.name or portal.Title(),
        "siret": siret(settings),
        "departement": settings.departement,
    }
    sessions, portal_url = Sessions(), portal.absolute_url()
    for count, brain in enumerate(published_brains(), 1):
        found = row(brain._unrestrictedGetObject(), collectivite, sessions, portal_url)
        if found:
            yield found
        if count % BATCH == 0:
            portal._p_jar.cacheGC()


def csv_lines(found):
    """The CSV, UTF-8, comma-separated, one header line, each line produced when it is read."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for item in found:
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(item)
    yield buffer.getvalue()
