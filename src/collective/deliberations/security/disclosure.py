"""What of a séance and of its members a person may read beyond what the workflow already shows: the one place for
the rules of confidentiality (huis clos, non-public séance, personal data of an official) that pages, REST services,
files, feeds and exports call. The workflow keeps the objects closed (security/chains.py); these rules keep closed
what the objects carry (a vote's ballots, a séance's row on an official's record, the documents a personal link
opens without login). A member's personal fields (the
paper convocation) are closed by their schema's read_permission, Manage agenda (content/membership.py), which every
form, page and REST serializer honours; listing the accounts takes List portal members (rolemap.xml).

L2121-18 CGCT: the council may sit in huis clos; L2121-15: the minutes name the voters of a public ballot."""

from collective.deliberations.behaviors.document import IDocumentFlags
from collective.deliberations.security.chains import inside_commission
from plone import api


RECORD_OUTCOME = "collective.deliberations: Record outcome"


def session_is_public(session):
    """A séance of an assembly, not in huis clos: its agenda is public once convened. A commission's never is."""
    return bool(getattr(session, "public", True)) and not inside_commission(session)


def may_see_session(session):
    """A séance's items, presence and votes go wherever the séance itself may be seen, and nowhere else."""
    return bool(api.user.has_permission("View", obj=session))


def is_huis_clos(deliberation):
    return bool(getattr(deliberation, "huis_clos", False))


def may_see_ballots(session, deliberation):
    """Who voted what: whoever sees the séance for a public item; on a huis clos item only those who record the
    séance (the secretariat, Managers). The counts and the result stay with the séance."""
    if not may_see_session(session):
        return False
    return not is_huis_clos(deliberation) or bool(api.user.has_permission(RECORD_OUTCOME, obj=session))


def visible_vote(session, deliberation, vote):
    """The vote as this person may read it: without its ballots when they may not see who voted what."""
    if vote and vote.get("ballots") and not may_see_ballots(session, deliberation):
        return {**vote, "ballots": {}}
    return vote


def readable_without_login(document):
    """May a document of a convocation's dossier be read by whoever holds the personal link (a forwarded mail hands
    it on)? Only what is sent to every recipient: publishable and not confidential; the rest needs the élu's login."""
    flags = IDocumentFlags(document, None)
    return flags is None or (bool(flags.publishable) and not flags.confidential)
