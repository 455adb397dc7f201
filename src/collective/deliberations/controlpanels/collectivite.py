"""The "Collectivité" control panel: who the local government is, stored in the registry."""

from collective.deliberations import _
from collective.deliberations.interfaces import IBrowserLayer
from collective.deliberations.validation import FieldError
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope import schema
from zope.component import adapter
from zope.interface import Interface
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import datetime
import re
import string


KINDS = SimpleVocabulary(
    [
        SimpleTerm("commune", "commune", _("kind_commune", default="Commune")),
        SimpleTerm("epci", "epci", _("kind_epci", default="EPCI (communauté de communes, d'agglomération...)")),
    ]
)

ACTES_NUMBER = re.compile(r"^[A-Z0-9](?:[A-Z0-9_]{0,13}[A-Z0-9])?$")
DEPARTEMENT = re.compile(r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$")


def valid_siren(value):
    """A SIREN is 9 digits with a Luhn check digit."""
    if not re.fullmatch(r"\d{9}", value or ""):
        raise FieldError(_("siren_digits", default="A SIREN number has exactly 9 digits."))
    total = 0
    for position, char in enumerate(reversed(value)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    if total % 10:
        raise FieldError(_("siren_checksum", default="This SIREN number fails its check digit: please check it."))
    return True


def valid_nic(value):
    """The NIC of the siège: the 5 digits that follow the SIREN in its SIRET (checked with it by opendata/scdl.py)."""
    if not re.fullmatch(r"\d{5}", value or ""):
        raise FieldError(_("nic_digits", default="A NIC has exactly 5 digits (the end of the SIRET of the siège)."))
    return True


def valid_departement(value):
    if not DEPARTEMENT.match(value or ""):
        raise FieldError(
            _("departement_code", default="A département code is like 01, 34, 2A or 974 (three digits overseas).")
        )
    return True


TYPOLOGY = re.compile(r"^([1-6]|annexe):[0-9]{2}_[A-Z]{2}$")
DEFAULT_TYPOLOGIES = ["1:99_DE", "2:99_AR", "3:99_AI", "4:99_CO", "5:99_BU", "6:99_AU", "annexe:99_AU"]


def valid_typologies(value):
    """Lines "nature:code" (nature 1 to 6, or "annexe"), the code as NN_XX."""
    wrong = [line for line in value or () if not TYPOLOGY.match(line)]
    if wrong:
        raise FieldError(
            _(
                "actes_typology_lines",
                default="Each line is a nature (1 to 6, or annexe), a colon and a code such as 99_DE: ${wrong}.",
                mapping={"wrong": ", ".join(wrong)},
            )
        )
    return True


def format_act_number(pattern, year, seq):
    """The act number that `pattern` gives for the `seq`-th act of `year`."""
    return pattern.format(year=year, seq=seq)


def valid_numbering_pattern(value):
    fields = {name for _text, name, _spec, _conv in string.Formatter().parse(value or "") if name is not None}
    if "seq" not in fields or not fields <= {"year", "seq"}:
        raise FieldError(
            _(
                "numbering_fields",
                default="The pattern uses {seq} (the number of the act in the year) and may use {year}, nothing else.",
            )
        )
    try:
        examples = [format_act_number(value, 2026, seq) for seq in (1, 999)]
    except (ValueError, IndexError, KeyError) as error:
        raise FieldError(
            _("numbering_syntax", default="This pattern cannot be read, for example DEL{year}_{seq:03d}.")
        ) from error
    for example in examples:
        if not ACTES_NUMBER.match(example):
            raise FieldError(
                _(
                    "numbering_actes",
                    default="This pattern gives ${example}: @ctes accepts at most 15 characters among capital letters,"
                    " digits and _, starting and ending with a letter or a digit.",
                    mapping={"example": example},
                )
            )
    return True


class ICollectiviteSettings(Interface):
    """The local government that runs this site."""

    name = schema.TextLine(
        title=_("label_collectivite_name", default="Name of the local government"),
        description=_("help_collectivite_name", default="As printed at the head of its acts."),
        required=True,
        default="",
    )

    kind = schema.Choice(
        title=_("label_collectivite_kind", default="Kind"),
        vocabulary=KINDS,
        required=True,
        default="commune",
    )

    population = schema.Int(
        title=_("label_population", default="Population"),
        description=_(
            "help_population",
            default="3,500 inhabitants and more: convocation 5 jours francs ahead and a note explicative de"
            " synthèse; fewer: 3 jours francs.",
        ),
        required=True,
        min=0,
        default=0,
    )

    epci_with_large_commune = schema.Bool(
        title=_("label_epci_with_large_commune", default="EPCI including a commune of 3,500 inhabitants or more"),
        description=_(
            "help_epci_with_large_commune",
            default="For an EPCI only: it then follows the regime of communes of 3,500 and more (to be confirmed"
            " with your préfecture).",
        ),
        required=False,
        default=True,
    )

    siren = schema.TextLine(
        title=_("label_siren", default="SIREN"),
        description=_("help_siren", default="9 digits; it identifies the local government to @ctes and to archives."),
        required=False,
        constraint=valid_siren,
    )

    nic = schema.TextLine(
        title=_("label_nic", default="NIC of the siège"),
        description=_(
            "help_nic",
            default="5 digits: with the SIREN, the SIRET of the siège, published with the open data of the acts.",
        ),
        required=False,
        constraint=valid_nic,
    )

    departement = schema.TextLine(
        title=_("label_departement", default="Département code"),
        required=False,
        constraint=valid_departement,
    )

    numbering_pattern = schema.TextLine(
        title=_("label_numbering_pattern", default="Numbering pattern of acts"),
        description=_(
            "help_numbering_pattern",
            default="{year} is the year, {seq} the number of the act in the year ({seq:03d} pads it to 3 digits)."
            " Example: DEL{year}_{seq:03d} gives DEL2026_042.",
        ),
        required=True,
        default="DEL{year}_{seq:03d}",
        constraint=valid_numbering_pattern,
    )

    actes_classification_date = schema.Date(
        title=_("label_actes_classification_date", default="Date of the classification version (@ctes)"),
        description=_(
            "help_actes_classification_date",
            default="The version of the classification of matières given by your préfecture; sent with each act.",
        ),
        required=True,
        default=datetime.date(2019, 8, 29),
    )

    actes_typologies = schema.List(
        title=_("label_actes_typologies", default="Typology of the documents sent to @ctes"),
        description=_(
            "help_actes_typologies",
            default="One line per nature of act (1 to 6) and one for the annexes: nature:code, for example 1:99_DE."
            " The code prefixes each file name of the package; to be confirmed with your tiers de télétransmission.",
        ),
        value_type=schema.TextLine(),
        required=True,
        default=list(DEFAULT_TYPOLOGIES),
        constraint=valid_typologies,
    )


class CollectiviteEditForm(RegistryEditForm):
    schema = ICollectiviteSettings
    schema_prefix = "collective.deliberations.collectivite"
    label = _("label_collectivite_controlpanel", default="Collectivité")
    description = _(
        "help_collectivite_controlpanel",
        default="The local government whose assemblies this site serves: it decides the délais and the numbering.",
    )


class CollectiviteControlPanel(ControlPanelFormWrapper):
    form = CollectiviteEditForm


@adapter(Interface, IBrowserLayer)
class CollectiviteConfigletPanel(RegistryConfigletPanel):
    """The same settings through plone.restapi: @controlpanels/collectivite."""

    schema = ICollectiviteSettings
    schema_prefix = "collective.deliberations.collectivite"
    configlet_id = "collectivite"
    configlet_category_id = "Products"
    title = _("label_collectivite_controlpanel", default="Collectivité")
    group = "Products"
