"""Deliberations of the demo, written by the service's agent and carried to validation by the right people."""

from collective.deliberations_demo import archived_dossiers
from collective.deliberations_demo import finances
from collective.deliberations_demo import seance_dossiers
from collective.deliberations_demo import urbanisme
from collective.deliberations_demo.bodies import COUNCIL
from collective.deliberations_demo.pdf import pdf_file
from collective.deliberations_demo.people import VICE_PRESIDENTS
from collective.deliberations_demo.tools import acting_as
from collective.deliberations_demo.tools import rich
from collective.deliberations_demo.tools import today
from plone import api
from plone.i18n.normalizer.interfaces import IIDNormalizer
from zope.component import getUtility


DOSSIERS = {**finances.DOSSIERS, **urbanisme.DOSSIERS, **archived_dossiers.FINANCES, **archived_dossiers.URBANISME}
SERVICE_OF = {key: "finances" for key in finances.DOSSIERS} | {key: "urbanisme" for key in urbanisme.DOSSIERS}
SERVICE_OF |= dict.fromkeys(archived_dossiers.FINANCES, "finances")
SERVICE_OF |= dict.fromkeys(archived_dossiers.URBANISME, "urbanisme")
DOSSIERS |= seance_dossiers.FINANCES
SERVICE_OF |= dict.fromkeys(seance_dossiers.FINANCES, "finances")
AGENT = {"finances": "redacteur", "urbanisme": "redacteur-urba"}
VALIDATOR = {"finances": "valideur", "urbanisme": "admin"}  # Urbanisme has no validator of its own
RAPPORTEUR = {"finances": 0, "urbanisme": 1}  # index in VICE_PRESIDENTS

# Dossiers that are on no agenda, and the state they stay in. The others are carried on by demo/agenda.py.
ON_NO_AGENDA = {
    "provisions": "draft",
    "ligne-tresorerie": "draft",
    "taxe-amenagement": "draft",
    "amortissements": "proposed",
    "permis-de-louer": "proposed",
    "subventions-sport": "validated",
}

FLAG_NOTES = {
    "publishable": "Document publiable : joint au dossier des élus et publié avec l'acte.",
    "confidential": "Document confidentiel : lu par les élus dans le dossier de séance, jamais publié.",
    "internal": "Document interne au service : ni transmis aux élus, ni publié.",
}


def years():
    year = today().year
    return {"year": year, "next": year + 1, "last": year + 6}


def fill(text):
    return text.format(**years())


def add_document(container, title, flag="publishable", document_type="annexe", paragraphs=()):
    """A small PDF File of a deliberation or a session; its workflow state follows the flags."""
    name = getUtility(IIDNormalizer).normalize(title, max_length=60)
    body = list(paragraphs) + [
        FLAG_NOTES[flag],
        "Document fictif du site de démonstration de la Communauté de communes du Val d'Exemple.",
    ]
    return api.content.create(
        container=container,
        type="File",
        id=name,
        title=title,
        description=FLAG_NOTES[flag],
        file=pdf_file(f"{name}.pdf", title, body),
        document_type=document_type,
        publishable=flag != "internal",
        confidential=flag == "confidential",
    )


def advance(deliberation, spec, until, agent, validator):
    """draft -> proposed -> validated, as the agent and the validator; once sent back when the spec says so."""
    if until == "draft" and not spec.get("sent_back"):
        return
    with acting_as(agent):
        api.content.transition(obj=deliberation, transition="propose")
    if spec.get("sent_back"):
        with acting_as(validator):
            api.content.transition(obj=deliberation, transition="send_back_to_draft", comment=spec["sent_back"])
        if until == "draft":
            return
        with acting_as(agent):
            api.content.transition(obj=deliberation, transition="propose", comment="Dossier complété et corrigé.")
    if until == "proposed":
        return
    with acting_as(validator):
        api.content.transition(obj=deliberation, transition="validate")


def ensure_dossier(portal, key, until="validated"):
    """The deliberation `key` in its service; when missing, written and carried to `until`."""
    service_id = SERVICE_OF[key]
    service = portal[service_id]
    if key in service.objectIds():
        return service[key]
    spec = DOSSIERS[key]
    council = portal[COUNCIL]
    agent = AGENT[service_id]
    with acting_as(agent):
        deliberation = api.content.create(
            container=service,
            type="Deliberation",
            id=key,
            title=fill(spec["title"]),
            expose=rich(fill(spec["expose"])),
            dispositif=rich(fill(spec["dispositif"])),
            rapporteur=VICE_PRESIDENTS[spec.get("rapporteur", RAPPORTEUR[service_id])],
            nature=spec["nature"],
            matiere=spec["matiere"],
            consulted_commissions=[council[c].UID() for c in spec.get("commissions", [])],
            huis_clos=spec.get("huis_clos", False),
        )
        for title, flag in spec.get("annexes", []):
            add_document(deliberation, fill(title), flag, paragraphs=[f"Annexe au projet : {deliberation.title}."])
    advance(deliberation, spec, until, agent, VALIDATOR[service_id])
    return deliberation


def ensure_dossiers_on_no_agenda(portal):
    for key, state in ON_NO_AGENDA.items():
        ensure_dossier(portal, key, state)
