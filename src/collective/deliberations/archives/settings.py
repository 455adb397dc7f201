"""Where the archive export writes and what it validates against (registry, overridable by environment)."""

from collective.deliberations import _
from pathlib import Path
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface

import os


PREFIX = "collective.deliberations.archives"
ENV_SCHEMAS = "DELIBERATIONS_SEDA_SCHEMAS"
ENV_VAULT = "DELIBERATIONS_VAULT"
# The official schemas of the SIAF, shipped with the product (PROVENANCE.md beside them): the default.
SHIPPED_SCHEMAS = Path(__file__).resolve().parent / "schemas" / "seda-2.2"


class IArchivesSettings(Interface):
    vault_directory = schema.TextLine(
        title=_("label_vault_directory", default="Vault directory"),
        description=_(
            "help_vault_directory",
            default="Where the SIPs are written, each with its .sha512 file. The environment variable"
            " DELIBERATIONS_VAULT overrides it.",
        ),
        required=False,
        default="",
    )
    schema_directory = schema.TextLine(
        title=_("label_schema_directory", default="SEDA 2.2 schema directory"),
        description=_(
            "help_schema_directory",
            default="The directory holding seda-2.2-main.xsd (official schemas of the SIAF), with xml.xsd and"
            " xlink.xsd beside it. Empty: the official schemas shipped with the product. The environment variable"
            " DELIBERATIONS_SEDA_SCHEMAS overrides it.",
        ),
        required=False,
        default="",
    )
    archival_agency = schema.TextLine(
        title=_("label_archival_agency", default="Identifier of the archive service"),
        required=False,
        default="FRAD000",
    )
    archival_agreement = schema.TextLine(
        title=_("label_archival_agreement", default="Archival agreement (convention de versement)"),
        required=False,
        default="CONV-DELIBERATIONS",
    )
    transfer_url = schema.TextLine(
        title=_("label_transfer_url", default="URL of the archive system (HTTP transfer)"),
        description=_("help_transfer_url", default="Empty: SIPs are only written to the vault directory."),
        required=False,
        default="",
    )


def get_settings():
    registry = queryUtility(IRegistry)
    if registry is None:
        return None
    return registry.forInterface(IArchivesSettings, prefix=PREFIX, check=False)


def _setting(name):
    settings = get_settings()
    return (getattr(settings, name, None) or "") if settings is not None else ""


def schema_directory():
    """The SEDA 2.2 schema directory: the environment, the registry, else the official schemas shipped here."""
    value = os.environ.get(ENV_SCHEMAS) or _setting("schema_directory")
    return Path(value) if value else SHIPPED_SCHEMAS


def vault_directory():
    """The vault directory (created if missing): the environment, the registry, else instance var/vault."""
    value = os.environ.get(ENV_VAULT) or _setting("vault_directory")
    if not value:
        client_home = os.environ.get("CLIENT_HOME") or os.getcwd()
        value = os.path.join(client_home, "vault")
    path = Path(value)
    path.mkdir(parents=True, exist_ok=True)
    return path
