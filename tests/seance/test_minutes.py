"""The draft procès-verbal: an OpenDocument text made by LibreOffice, read back as text (odt2txt-free: its XML)."""

from .test_attendance import roll_call
from collective.deliberations.seance.attendance import record_movement
from collective.deliberations.seance.minutes import generate_minutes
from collective.deliberations.seance.votes import record_vote
from lxml import etree
from plone import api

import io
import zipfile


def odt_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = etree.fromstring(odt.read("content.xml"))
    return " ".join(" ".join(content.itertext()).split())


def test_the_draft_says_what_l2121_15_requires(seance):
    seance.session.place = "Salle du conseil"
    roll_call(
        seance,
        {"marchetti": "present", "girard": "present", "benali": "present", "roux": "present", "elu": "present"},
        secretary="girard",
    )
    roll_call(seance, {"petit": "represented", "elu2": "excused"}, proxies={"petit": "marchetti"})
    with api.env.adopt_user(username="secretaire"):
        record_movement(seance.session, "elu", seance.items[0].getId(), "conflict")
        ballots = dict(marchetti="pour", petit="pour", girard="pour", benali="contre", roux="abstention")
        record_vote(seance.items[0], "public", ballots=[{"member": m, "vote": v} for m, v in ballots.items()])
        record_vote(seance.items[1], "secret", counts={"pour": 2, "contre": 4})
        record_vote(seance.items[2], "unanimity")
        document = generate_minutes(seance.session)
    assert document.Title().startswith("Procès-verbal de la séance du ") and document.Title().endswith("(projet)")
    assert document.document_type == "proces_verbal" and api.content.get_state(document) == "internal"
    text = odt_text(document.file.data)
    number = seance.deliberations[0].number
    for expected in (
        "Salle du conseil",
        "Présidence : Hélène Marchetti. Secrétaire de séance : Paul Girard.",
        "Membres en exercice : 7. Présents (5) :",
        "Représentés : Léa Petit (pouvoir à Hélène Marchetti).",
        "Excusés : Élue du conseil.",
        "Quorum : atteint (5 présents, 4 requis)",
        "1. Budget primitif",
        "Ne prennent pas part (hors de la salle) : Élu du conseil et de la commission.",
        f"Vote public : Adoptée (délibération n° {number}). Suffrages exprimés : 4.",
        "Pour : 3 : Hélène Marchetti, Léa Petit, Paul Girard",
        "Contre : 1 : Inès Benali",
        "Vote à scrutin secret : Rejetée. Suffrages exprimés : 6.",
        "Adoptée (délibération n°",
        "à l'unanimité des 6 votants",
        "[Substance des débats à compléter par le secrétaire de séance.]",
    ):
        assert expected in text, expected
