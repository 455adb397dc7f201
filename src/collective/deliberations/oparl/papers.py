"""The published acts as OParl papers (OParl 1.1, 3.7 Paper, 3.9 Consultation): only what @@actes shows, an act
published and put online (L2131-1 CGCT), never an individual decision (nature 3, not published) nor a huis clos
one's draft. Its main file is the full text frozen at publication; its annexes are its publishable documents only."""

from collective.deliberations.acts.frozen import published_act
from collective.deliberations.oparl.common import as_anonymous
from collective.deliberations.oparl.common import base
from collective.deliberations.oparl.common import body_url
from collective.deliberations.oparl.common import day
from collective.deliberations.oparl.common import url
from collective.deliberations.oparl.files import act_documents
from collective.deliberations.oparl.files import file_data
from collective.deliberations.oparl.public import meeting_brains
from collective.deliberations.oparl.public import visible_items
from collective.deliberations.oparl.urls import agenda_item_url
from collective.deliberations.oparl.urls import consultation_url
from collective.deliberations.oparl.urls import meeting_url
from collective.deliberations.oparl.urls import organization_url
from collective.deliberations.oparl.urls import paper_url
from collective.deliberations.vocabularies.choices import NATURES
from plone import api
from zope.i18n import translate


def nature_title(act):
    try:
        return translate(NATURES.getTerm(act.nature).title, target_language="fr")
    except LookupError:
        return None


def act_file(act):
    """The act's full text as frozen at publication, at its permanent address on @@actes."""
    stored = published_act(act)
    if stored is None or not act.number:
        return None
    address = f"{api.portal.get().absolute_url()}/@@actes/{act.number}/acte.pdf"
    return base(
        "File",
        url("file", act.UID()),
        act,
        name=act.Title(),
        fileName=stored["file"].filename,
        mimeType="application/pdf",
        size=stored["size"],
        accessUrl=address,
        downloadUrl=address,
        date=day(act.decision_date),
        paper=[paper_url(act)],
    )


def session_and_item(act):
    """(séance, agenda item) where the act was decided, if the public may see them."""

    found = meeting_brains(UID=act.session_uid) if act.session_uid else []
    if not found:
        return None, None
    with as_anonymous():
        session = found[0].getObject()
    items = [item for item in visible_items(session) if getattr(item, "deliberation", None) == act.UID()]
    return session, (items[0] if items else None)


def consultation(act):

    session, item = session_and_item(act)
    return base(
        "Consultation",
        consultation_url(act),
        act,
        paper=paper_url(act),
        meeting=meeting_url(session) if session is not None else None,
        agendaItem=agenda_item_url(item) if item is not None else None,
        organization=[organization_url(session.aq_parent)] if session is not None else None,
        authoritative=True,
        role="décision",
    )


def paper(act):

    return base(
        "Paper",
        paper_url(act),
        act,
        body=body_url(),
        name=act.Title(),
        reference=act.number,
        date=day(act.decision_date),
        paperType=nature_title(act),
        mainFile=act_file(act),
        auxiliaryFile=[file_data(document) for document in act_documents(act)],
        consultation=[consultation(act)],
    )
