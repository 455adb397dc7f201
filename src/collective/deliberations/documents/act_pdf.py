"""The act as a PDF/A-3b: HTML and CSS (templates/act_pdf.pt) rendered by WeasyPrint.

Why WeasyPrint rather than an ODT through LibreOffice: the template is a page template like every other page of
the site (a collectivité's theme overrides it with z3c.jbot, its CSS handles the layout and the header), the
rendering runs in the process in a fraction of a second without starting LibreOffice, and WeasyPrint writes PDF/A
(fonts embedded, XMP metadata), the non-modifiable format R2131-1 asks for."""

from Acquisition import aq_inner
from collective.deliberations.browser import utils
from collective.deliberations.collectivite import get_settings
from collective.deliberations.documents.rendering import html_to_pdfa
from collective.deliberations.documents.rendering import send_pdf
from collective.deliberations.portal.publication import online_date
from collective.deliberations.richtext import safe_output
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


def session_of(deliberation):
    if not deliberation.session_uid:
        return None
    found = api.content.find(UID=deliberation.session_uid, unrestricted=True)
    return found[0]._unrestrictedGetObject() if found else None


def agenda_item(session, deliberation):
    for item in session.agenda():
        if getattr(item, "deliberation", None) == deliberation.UID():
            return item
    return None


def presence_and_vote(session, item):
    """Members in office, present, represented, voters, and the vote recorded at the séance (if any)."""
    try:
        from collective.deliberations.seance.attendance import Presence
        from collective.deliberations.seance.votes import get_vote
    except ImportError:  # the séance module is not there
        return None, None
    vote = get_vote(item) if item is not None else None
    if vote is not None:
        return vote["presence"], vote
    return Presence(session, item.getId() if item is not None else None).summary(), None


def transmitted_on(deliberation):
    try:
        from collective.deliberations.seance.actes import acknowledgement
    except ImportError:
        return None
    ack = acknowledgement(deliberation)
    return ack["date"] if ack else None


class ActPDFView(BrowserView):
    """@@acte.pdf: the act, generated at each request from its current data (the mentions appear once known).
    The published act is the copy frozen at publication (portal/frozen.py), served by the portal."""

    html = ViewPageTemplateFile("templates/act_pdf.pt")

    def data(self):
        act = aq_inner(self.context)
        session = session_of(act)
        item = agenda_item(session, act) if session is not None else None
        presence, vote = presence_and_vote(session, item) if session is not None else (None, None)
        settings = get_settings()
        transmitted = transmitted_on(act)
        president = getattr(session, "president", None) if session is not None else None
        return {
            "collectivite": settings.name or api.portal.get().Title(),
            "siren": settings.siren,
            "departement": settings.departement,
            "body": session.aq_parent.Title() if session is not None else "",
            "session_date": utils.localized(getattr(session, "start", None)) if session is not None else "",
            "place": getattr(session, "place", None) if session is not None else None,
            "presence": presence,
            "vote": vote,
            "state": api.content.get_state(act),
            "number": act.number,
            "objet": act.Title(),
            "expose": self.text(act, "expose"),
            "dispositif": self.text(act, "dispositif"),
            "president": utils.fullname(president),
            "published": utils.localized(online_date(act), long_format=False) if online_date(act) else None,
            "transmitted": utils.localized(transmitted, long_format=False) if transmitted else None,
        }

    def text(self, act, name):
        return safe_output(getattr(act, name, None), act)

    def render(self):
        """The act's PDF/A bytes from its data as they are now."""
        return html_to_pdfa(self.html(data=self.data()), self.context.absolute_url())

    def __call__(self):
        return send_pdf(self.request.response, self.render(), f"{self.context.number or self.context.getId()}.pdf")
