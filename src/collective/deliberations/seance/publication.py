"""The life of the procès-verbal and of the liste des délibérations after the séance (L2121-15, L2121-25).

The draft PV is completed by the secretary (a new version uploaded), *arrêté* at a later séance of the same body,
signed (the signed PDF uploaded, or the signatures of president and secretary recorded), then published: a PDF
document of the session, public, with its date of putting online. The list is published within a week of the
séance. Each deadline is one week; what is recorded lives in an annotation of the session."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.documents.office import office_to_pdf
from collective.deliberations.documents.writing import write_document
from collective.deliberations.seance import liste
from collective.deliberations.seance import minutes
from collective.deliberations.seance import refuse
from collective.deliberations.seance.attendance import name
from DateTime import DateTime
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import datetime
import os
import tempfile


KEY = "collective.deliberations.publication"
PUBLISHED_ID = "proces-verbal"
DEADLINE = datetime.timedelta(days=7)
WARN_BEFORE = datetime.timedelta(days=2)  # the dashboard warns from two days before the deadline


def _record(session, create=False):
    annotations = IAnnotations(session)
    record = annotations.get(KEY)
    if record is None and create:
        record = annotations[KEY] = PersistentMapping()
    return record if record is not None else {}


def _today():
    return datetime.date.today()


def _now():
    return datetime.datetime.now().replace(microsecond=0)


def _user():
    return api.user.get_current().getId()


def _url(document):
    """The address of ``document`` if the caller may view it (an internal document stays unnamed to the others)."""
    if document is None or not api.user.has_permission("View", obj=document):
        return None
    return document.absolute_url()


def publication_state(session):
    """What the PV and the list went through, with their deadlines (dates as ISO strings); the documents' addresses
    only to who may view them."""
    record = _record(session)
    draft, listed = session.get(minutes.FILE_ID), session.get(liste.FILE_ID)
    approved = record.get("approved")
    rectificatifs = [
        {"title": r["title"], "document": _url(session.get(r["id"])), "published": r["published"]}
        for r in record.get("liste_rectificatifs", ())
    ]
    return {
        "minutes": {
            "title": published_title(session),
            "draft": _url(draft),
            "approved": dict(approved) if approved else None,
            "signed": dict(record["signed"]) if record.get("signed") else None,
            "published": record.get("minutes_published"),
            "document": _url(session.get(PUBLISHED_ID)),
            "deadline": _due(approved["date"]) if approved else None,
        },
        "liste": {
            "title": liste.title(session),
            "document": _url(listed),
            "published": record.get("liste_published"),
            "deadline": (session.start.date() + DEADLINE).isoformat(),
            "rectificatifs": rectificatifs,
        },
    }


def _due(iso_date):
    return (datetime.date.fromisoformat(iso_date) + DEADLINE).isoformat()


def published_title(session):
    return f"Procès-verbal de la séance du {liste.french_date(session.start)}"


def _changed(session):
    """What the session still has to publish changed: the dashboard's index follows (deadlines.py)."""
    session.reindexObject(idxs=["publication_due"])


def check_not_approved(session):
    if _record(session).get("approved"):
        refuse(_("pv_already_approved", default="The procès-verbal has been approved: it no longer changes."))


def replace_draft(session, data, filename):
    """The secretary's completed version of the draft (any office format) replaces the generated one."""
    check_not_approved(session)
    draft = session.get(minutes.FILE_ID)
    if draft is None:
        refuse(_("pv_no_draft", default="Draft the procès-verbal first."))
    if not data:
        refuse(_("pv_empty_file", default="The file sent is empty."))
    with api.env.adopt_roles(["Manager"]):  # the session may be closed: the system writes for the secretariat
        draft.file = NamedBlobFile(data, filename=filename or draft.file.filename)
        draft.reindexObject()
    return draft


def approve_minutes(later, session):
    """The later séance ``later`` approves (arrête) the procès-verbal of ``session``."""
    if session is None or session.portal_type != "Session":
        refuse(_("pv_unknown_session", default="This séance is unknown."))
    check_not_approved(session)
    if session.get(minutes.FILE_ID) is None:
        refuse(_("pv_no_draft", default="Draft the procès-verbal first."))
    if aq_parent(aq_inner(later)) != aq_parent(aq_inner(session)) or later.start <= session.start:
        refuse(
            _(
                "pv_later_seance",
                default="A procès-verbal is approved at a later séance of the same body.",
            )
        )
    if api.content.get_state(later) not in ("held", "closed"):
        refuse(_("pv_later_not_held", default="The approving séance must be held."))
    approval = PersistentMapping(
        date=later.start.date().isoformat(), seance=later.UID(), seance_title=later.Title(), by=_user()
    )
    _record(session, create=True)["approved"] = approval
    _changed(session)
    return approval


def sign_minutes(session, data=None, filename=None, signatures=False):
    """Signed: the signed PDF uploaded, or the signatures of the president and the secretary recorded."""
    record = _record(session)
    if not record.get("approved"):
        refuse(_("pv_sign_not_approved", default="The procès-verbal is signed once approved."))
    if record.get("minutes_published"):
        refuse(_("pv_already_published", default="The procès-verbal is already published."))
    if data:
        if not data.startswith(b"%PDF"):
            refuse(_("pv_signed_not_pdf", default="The signed procès-verbal must be a PDF file."))
        _write_published(session, data, filename or "proces-verbal-signe.pdf")
        mode = "file"
    elif signatures:
        if not session.president or not session.secretary:
            refuse(
                _(
                    "pv_sign_no_signatories",
                    default="The president and the secrétaire de séance must be known to record their signatures.",
                )
            )
        mode = "signatures"
    else:
        refuse(_("pv_sign_nothing", default="Send the signed PDF or record the signatures."))
    signed = PersistentMapping(
        mode=mode,
        date=_today().isoformat(),
        by=_user(),
        president=name(session, session.president) if session.president else None,
        secretary=name(session, session.secretary) if session.secretary else None,
    )
    record["signed"] = signed
    return signed


def _write_published(session, data, filename, publishable=False):
    blob = NamedBlobFile(data, contentType="application/pdf", filename=filename)
    document = write_document(session, PUBLISHED_ID, blob, published_title(session), "proces_verbal", False)
    with api.env.adopt_roles(["Manager"]):
        _put_online(document, publishable)
    return document


def _put_online(document, publishable):
    document.publishable = publishable
    if publishable:
        document.setEffectiveDate(DateTime())
    notify(ObjectModifiedEvent(document))  # its workflow state follows the flag (events/documents.py)
    document.reindexObject()


def _draft_as_pdf(session):
    draft = session[minutes.FILE_ID]
    extension = os.path.splitext(draft.file.filename or "pv.odt")[1].lstrip(".") or "odt"
    with tempfile.TemporaryDirectory(prefix="pv-pdf-") as workdir:
        source = os.path.join(workdir, f"source.{extension}")
        with open(source, "wb") as out:
            out.write(draft.file.data)
        with open(office_to_pdf(source, extension, workdir), "rb") as pdf:
            return pdf.read()


def publish_minutes(session):
    """Put the signed PV online as a PDF (a non-modifiable format) and record the date."""
    record = _record(session)
    if not record.get("signed"):
        refuse(_("pv_publish_not_signed", default="The procès-verbal is published once signed."))
    if record.get("minutes_published"):
        refuse(_("pv_already_published", default="The procès-verbal is already published."))
    with api.env.adopt_roles(["Manager"]):
        if record["signed"]["mode"] == "signatures":
            _write_published(session, _draft_as_pdf(session), "proces-verbal.pdf", publishable=True)
        else:
            _put_online(session[PUBLISHED_ID], True)
    record["minutes_published"] = _now().isoformat()
    _changed(session)
    return record["minutes_published"]


def publish_liste(session):
    """Put the liste des délibérations online (it is made as an internal document) and record the date."""
    document = session.get(liste.FILE_ID)
    if document is None:
        refuse(_("liste_publish_none", default="Make the list of deliberations first."))
    record = _record(session, create=True)
    if record.get("liste_published"):
        refuse(_("liste_already_published", default="The list of deliberations is already published."))
    with api.env.adopt_roles(["Manager"]):
        _put_online(document, True)
    record["liste_published"] = _now().isoformat()
    _changed(session)
    return record["liste_published"]


def check_liste_not_published(session):
    """A published list is not modifiable (R2131-1): it is corrected by a rectificatif, never replaced."""
    published = _record(session).get("liste_published")
    if published:
        when = datetime.datetime.fromisoformat(published)
        refuse(
            _(
                "liste_published_final",
                default="The list of deliberations was put online on ${date}: a published document is no longer "
                "modified (R2131-1). To correct it, publish a rectificatif (page Procès-verbal and list): the first "
                "list stays online beside it, each with its own date of putting online.",
                mapping={"date": f"{liste.french_date(when)} à {when.strftime('%H:%M')}"},
            )
        )


def rectify_liste(session):
    """A rectificatif of the published list: the list made anew and put online as a new document of the session;
    the first one stays online, unchanged, each with its own date of putting online."""
    record = _record(session)
    if not record.get("liste_published"):
        refuse(
            _(
                "liste_rectify_unpublished",
                default="Only a published list is corrected by a rectificatif; until then, make it again.",
            )
        )
    versions = record.setdefault("liste_rectificatifs", PersistentList())
    number = len(versions) + 1
    blob = NamedBlobFile(
        liste.liste_pdf(session), contentType="application/pdf", filename=f"{liste.FILE_ID}-rectificatif-{number}.pdf"
    )
    title = f"{liste.title(session)} (rectificatif n° {number})"
    document = write_document(
        session, f"{liste.FILE_ID}-rectificatif-{number}", blob, title, "liste_deliberations", False
    )
    with api.env.adopt_roles(["Manager"]):
        _put_online(document, True)
    versions.append(PersistentMapping(id=document.getId(), title=title, published=_now().isoformat(), by=_user()))
    return document
