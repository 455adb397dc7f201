"""The retention schedule (tableau de gestion): one rule per category of record, edited by the archivist.

Only the rows confirmed by DOMAIN.md (instruction DAF/DPACI/RES/2009/018) are marked confirmed; every other default
is flagged "à confirmer" until the archivist saves it. Rule codes belong to the target archive system."""

from collective.deliberations import _
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

import copy


KEY = "collective.deliberations.archives.schedule"
CATEGORIES = ("deliberations", "minutes", "convocations", "proofs", "annexes", "logs", "personal")
START_EVENTS = {
    "session": _("start_session", default="Date of the séance"),
    "act": _("start_act", default="Date of the act"),
    "closing": _("start_closing", default="Closing of the séance"),
    "publication": _("start_publication", default="Date of publication"),
}
FINAL_ACTIONS = {
    "C": _("final_keep", default="C: conservation (transfer to the archive)"),
    "D": _("final_destroy", default="D: destruction (with the visa of the archives)"),
    "T": _("final_sort", default="T: tri (sorting, part kept)"),
}
# SEDA FinalAction of an AppraisalRule: T is kept by the archive, which sorts it.
SEDA_FINAL_ACTION = {"C": "Keep", "D": "Destroy", "T": "Keep"}
CONFIRMED_BASIS = (
    "Instruction DAF/DPACI/RES/2009/018 : registre des délibérations et recueil chronologique des extraits,"
    " DUA 1 an, sort final C"
)
TO_CONFIRM = "À confirmer"


def _rule(title, years, start, final, basis=TO_CONFIRM, confirmed=False, appraisal="APP-00001", access="ACC-00001"):
    return {
        "title": title,
        "dua_years": years,
        "start_event": start,
        "final_action": final,
        "legal_basis": basis,
        "appraisal_rule": appraisal,
        "access_rule": access,
        "confirmed": confirmed,
    }


DEFAULTS = {
    "deliberations": _rule(
        "Délibérations et registre des délibérations", 1, "act", "C", CONFIRMED_BASIS, confirmed=True
    ),
    "minutes": _rule("Procès-verbaux des séances", 1, "session", "C"),
    "convocations": _rule("Convocations et dossiers de séance", 2, "session", "T"),
    "proofs": _rule("Preuves d'envoi et de lecture des convocations", 6, "session", "D", appraisal="APP-00002"),
    "annexes": _rule("Annexes des délibérations", 1, "act", "C"),
    "logs": _rule("Journaux techniques", 1, "closing", "D", appraisal="APP-00002"),
    "personal": _rule(
        "Données personnelles (réponses de présence, accusés de lecture, adresses)",
        1,
        "closing",
        "D",
        appraisal="APP-00002",
    ),
}
FIELDS = tuple(DEFAULTS["deliberations"])


def _site(context=None):
    """The site of `context` by acquisition (indexers run where the global site may be another one), else the
    current site."""
    if context is not None:
        from Products.CMFCore.utils import getToolByName

        return getToolByName(context, "portal_url").getPortalObject()
    return api.portal.get()


def _storage(create=False, context=None):
    annotations = IAnnotations(_site(context))
    if KEY not in annotations and create:
        annotations[KEY] = PersistentMapping()
    return annotations.get(KEY, {})


def get_schedule(context=None):
    """{category: rule} with the defaults for what the archivist has not saved."""
    stored = _storage(context=context)
    return {
        category: {"category": category, **copy.deepcopy(DEFAULTS[category]), **dict(stored.get(category, {}))}
        for category in CATEGORIES
    }


def get_rule(category, context=None):
    return get_schedule(context).get(category)


def validate_rule(category, data):
    """The errors (i18n messages) of `data`, a partial rule of `category`; empty when it may be saved."""
    if category not in CATEGORIES:
        return [
            _(
                "error_retention_category",
                default="Unknown category of record: ${category}.",
                mapping={"category": category},
            )
        ]
    if not isinstance(data, dict):
        return [_("error_rule_object", default="A rule is an object {field: value}.")]
    errors = []
    unknown = sorted(set(data) - set(FIELDS) - {"category"})
    if unknown:
        errors.append(
            _("error_retention_fields", default="Unknown fields: ${fields}.", mapping={"fields": ", ".join(unknown)})
        )
    if "dua_years" in data:
        years = data["dua_years"]
        if isinstance(years, bool) or not isinstance(years, int) or not 0 <= years <= 200:
            errors.append(_("error_dua_years", default="The DUA is a whole number of years between 0 and 200."))
    if "start_event" in data and data["start_event"] not in START_EVENTS:
        errors.append(
            _(
                "error_start_event",
                default="The start event is one of: ${values}.",
                mapping={"values": ", ".join(START_EVENTS)},
            )
        )
    if "final_action" in data and data["final_action"] not in FINAL_ACTIONS:
        errors.append(_("error_final_action", default="The final disposition is C, D or T."))
    for name in ("appraisal_rule", "access_rule", "title", "legal_basis"):
        if name in data and not isinstance(data[name], str):
            errors.append(_("input_text", default="${field} must be a text.", mapping={"field": name}))
        elif name in data and name != "legal_basis" and not data[name].strip():
            errors.append(_("error_rule_code", default="The field ${field} cannot be empty.", mapping={"field": name}))
    if "confirmed" in data and not isinstance(data["confirmed"], bool):
        errors.append(_("input_flag", default="${field} must be true or false.", mapping={"field": "confirmed"}))
    return errors


def save_rule(category, data):
    """Store `data` over the rule of `category` (validated first: raises ValueError with the messages)."""
    errors = validate_rule(category, data)
    if errors:
        raise ValueError(errors)
    rule = {key: value for key, value in get_rule(category).items() if key != "category"}
    rule.update({key: value for key, value in data.items() if key in FIELDS})
    rule["confirmed"] = bool(data.get("confirmed", True))  # saved by the archivist: confirmed unless said otherwise
    _storage(create=True)[category] = PersistentMapping(rule)
    return get_rule(category)
