"""Transfers (versements): the SIP of closed sessions written to the vault, the records made read-only ("versé"),
and the archive's ArchiveTransferReply that marks them "archivé" with the archive's identifiers."""

from BTrees.OOBTree import OOBTree
from collective.deliberations import _
from collective.deliberations.archives.collect import blockers
from collective.deliberations.archives.collect import collect
from collective.deliberations.archives.collect import plan
from collective.deliberations.archives.collect import records_of
from collective.deliberations.archives.log import log_action
from collective.deliberations.archives.settings import get_settings
from collective.deliberations.archives.settings import schema_directory
from collective.deliberations.archives.settings import vault_directory
from collective.deliberations.archives.sip import ExportError
from collective.deliberations.archives.sip import write_sip
from collective.deliberations.archives.status import set_status
from collective.deliberations.collectivite import get_settings as collectivite_settings
from plone import api
from zope.annotation.interfaces import IAnnotations

import datetime
import logging
import os
import transaction
import uuid


KEY = "collective.deliberations.archives.transfers"
logger = logging.getLogger("collective.deliberations.archives")


def transfers(create=False):
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations and create:
        annotations[KEY] = OOBTree()
    return annotations.get(KEY, {})


def _discard(path):
    for name in (path, path + ".sha512"):
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass


def _keep_if_committed(committed, path):
    if not committed:
        _discard(path)


def header():
    settings = get_settings()
    siren = collectivite_settings().siren or "000000000"
    return {
        "comment": f"Versement des délibérations — {collectivite_settings().name or siren}",
        "agreement": getattr(settings, "archival_agreement", None) or "CONV-DELIBERATIONS",
        "archival_agency": getattr(settings, "archival_agency", None) or "FRAD000",
        "transferring_agency": siren,
        "originating_agency": siren,
    }


def new_identifier():
    siren = collectivite_settings().siren or "000000000"
    return f"SIP-{siren}-{datetime.datetime.now():%Y%m%d%H%M%S}-{uuid.uuid4().hex[:8]}"


def check_transferable(records):
    messages = {
        "not_closed": _("error_sip_not_closed", default="${title}: only a closed séance can be transferred."),
        "hold": _(
            "error_sip_hold", default="${title} is under legal hold: it can be neither transferred nor eliminated."
        ),
        "transferred": _("error_sip_transferred", default="${title} has already been transferred."),
        "not_decided": _("error_sip_not_decided", default="${title}: only a decided act can be transferred."),
    }
    groups = plan(records)
    if not groups:
        raise ExportError(_("error_transfer_no_session", default="Choose the closed séances to transfer."))
    for session, only in groups:
        for reason, record in blockers(session, only):
            raise ExportError(_(messages[reason], mapping={"title": record.Title()}))
    return groups


def build_sip(records, directory, identifier=None, report=None):
    """Write the SIP of `records` (séances, or deliberations under their séance) into `directory`;
    return (identifier, path, sha512). `report` (a dict), when given, gets "rendered_at_export": the number of
    acts whose archival copy was not ready (prerender.py) and had to be rendered by this export."""
    groups = check_transferable(records)
    identifier = identifier or new_identifier()
    units, sources = [], []
    for session, only in groups:
        unit, session_sources = collect(session, only=only)
        units.append(unit)
        sources.extend(session_sources)
    rendered = sum(1 for source in sources if source.rendered_at_export)
    if rendered:
        logger.warning(
            "%s: %s act(s) had no archival PDF/A ready and are rendered by this export", identifier, rendered
        )
    if report is not None:
        report["rendered_at_export"] = rendered
    path, sha512, _manifest = write_sip(directory, identifier, units, sources, header(), schema_directory())
    return identifier, path, sha512


def transfer(sessions, adapter=None):
    """Versement of `sessions` (séances whole, or deliberations chosen alone): the SIP goes to the vault (and to
    the archive system through `adapter`), every record carried becomes read-only ("versé"). Returns the
    transfer's record."""
    from collective.deliberations.archives.transport import default_adapter

    adapter = adapter if adapter is not None else default_adapter()
    report = {}
    identifier, path, sha512 = build_sip(sessions, vault_directory(), report=report)
    # the SIP leaves the vault again unless the transaction that records the transfer commits
    transaction.get().addAfterCommitHook(_keep_if_committed, args=(path,))
    try:
        sent = adapter.send(path, identifier) if adapter is not None else None
        groups = plan(sessions)
        records = [record for session, only in groups for record in records_of(session, only, pending=True)]
        for record in records:
            set_status(record, "transferred", transfer_id=identifier)
    except BaseException:
        _discard(path)
        raise
    entry = {
        "identifier": identifier,
        "file": path,
        "sha512": sha512,
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "user": api.user.get_current().getId(),
        "records": [record.UID() for record in records],
        "sessions": [session.UID() for session in sessions],
        "status": "sent" if sent else "written",
        "adapter": sent or "vault",
        "rendered_at_export": report["rendered_at_export"],
    }
    transfers(create=True)[identifier] = entry
    detail = ", ".join("/".join(s.getPhysicalPath()) for s in sessions)
    if report["rendered_at_export"]:
        detail += f" ({report['rendered_at_export']} acte(s) sans copie PDF/A prête, rendu(s) à l'export)"
    log_action("transfer", identifier, detail)
    return entry


def keep_stub(session):
    """Once the archive holds them: remove the local files of the session's archived records, keeping each record
    as a stub with its metadata and the archive's identifier."""
    from collective.deliberations.archives.elimination import strip
    from collective.deliberations.archives.status import archive_status

    records = [record for record in records_of(session) if getattr(record, "portal_type", None) != "File"]
    if any((archive_status(record) or {}).get("status") != "archived" for record in records):
        raise ExportError(
            _(
                "error_stub_not_archived",
                default="Only records the archive has accepted (archivé) can be reduced to a stub.",
            )
        )
    for record in records:
        strip(record)
        set_status(record, "archived", stub=True)
    log_action("stub", "/".join(session.getPhysicalPath()))
    return records
