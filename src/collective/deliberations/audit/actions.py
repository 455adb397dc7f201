"""The actions the audit log records, each with its label for the reader."""

from collective.deliberations import _


ACTIONS = {
    "transition": _("audit_transition", default="Workflow transition"),
    "sharing": _("audit_sharing", default="Sharing (local roles)"),
    "document_share": _("audit_document_share", default="Document shared with a body"),
    "vote": _("audit_vote", default="Vote recorded"),
    "roll_call": _("audit_roll_call", default="Presence recorded"),
    "convocation_resend": _("audit_convocation_resend", default="Convocation sent again"),
    "setting": _("audit_setting", default="Setting changed"),
    "group_added": _("audit_group_added", default="Added to a group"),
    "group_removed": _("audit_group_removed", default="Removed from a group"),
    "confidential_download": _("audit_confidential_download", default="Confidential document downloaded"),
    "confidential_dossier_download": _(
        "audit_confidential_dossier_download", default="Dossier with confidential documents downloaded"
    ),
    "hold": _("audit_hold", default="Legal hold placed"),
    "lift_hold": _("audit_lift_hold", default="Legal hold lifted"),
    "schedule": _("audit_schedule", default="Retention rule changed"),
    "elimination_proposed": _("audit_elimination_proposed", default="Elimination proposed"),
    "elimination_visa": _("audit_elimination_visa", default="Elimination visa recorded"),
    "elimination_cancelled": _("audit_elimination_cancelled", default="Elimination cancelled"),
    "elimination_run": _("audit_elimination_run", default="Elimination carried out"),
    "transfer": _("audit_transfer", default="Transfer to the archive"),
    "sip_export": _("audit_sip_export", default="SIP downloaded"),
    "stub": _("audit_stub", default="Transferred séance replaced by its stub"),
    "transfer_rejected": _("audit_transfer_rejected", default="Transfer rejected by the archive"),
    "transfer_reply": _("audit_transfer_reply", default="Reply of the archive recorded"),
    "audit_purge": _("audit_purge", default="Audit log purged (retention)"),
}


def label(action):
    return ACTIONS.get(action, action)
