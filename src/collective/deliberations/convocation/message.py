"""The messages a recipient receives: the convocation (or invitation), a modificatif, an update, a cancellation.
Each carries the session's date, place and agenda, the personal link and the iCalendar part."""

from collective.deliberations import _
from collective.deliberations.convocation.ical import invitation
from collective.deliberations.convocation.settings import setting
from collective.deliberations.convocation.storage import get_convocation
from email import policy
from email.message import EmailMessage
from email.utils import formataddr
from email.utils import formatdate
from email.utils import make_msgid
from plone import api
from urllib.parse import urlsplit
from urllib.parse import urlunsplit
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18n.locales import locales


LOOPBACK = ("127.0.0.1", "::1")
SUBJECTS = {
    "convocation": _("mail_subject_convocation", default="Convocation: ${session}"),
    "invitation": _("mail_subject_invitation", default="Invitation: ${session}"),
    "modificatif": _("mail_subject_modificatif", default="Modificatif of the convocation: ${session}"),
    "update": _("mail_subject_update", default="Session moved: ${session}"),
    "cancel": _("mail_subject_cancel", default="Session cancelled: ${session}"),
    "reminder": _("mail_subject_reminder", default="Reminder: ${session}"),
}

INTROS = {
    "convocation": _(
        "mail_intro_convocation",
        default="You are convened to the session below. The whole dossier is at your personal link, where you can"
        " also answer whether you will attend or give a proxy.",
    ),
    "invitation": _(
        "mail_intro_invitation",
        default="You are invited to the session below. Its dossier is at your personal link.",
    ),
    "modificatif": _(
        "mail_intro_modificatif",
        default="The dossier of the session below has changed since your convocation. What changed:",
    ),
    "update": _(
        "mail_intro_update",
        default="The session below has moved: its new date and place are given here; the invitation in your"
        " calendar is updated.",
    ),
    "cancel": _("mail_intro_cancel", default="The session below is cancelled."),
    "reminder": _(
        "mail_intro_reminder",
        default="A reminder: the session below is near. Your personal link leads to its dossier and to your answer.",
    ),
}


def language():
    """The language of the request sending (background threads get the site's, background.py), else the site's."""
    request = getRequest()
    found = request.get("LANGUAGE") if request is not None else None
    return (found or api.portal.get_default_language() or "fr").split("-")[0]


def tr(message):
    return translate(message, target_language=language())


def long_datetime(value):
    """The date in words, as a letter of convocation gives it: « mercredi 20 janvier 2027 à 18 h 30 »."""
    day = locales.getLocale(language()).dates.getFormatter("date", "full").format(value)
    return tr(
        _(
            "mail_date_time",
            default="${date} at ${hour}:${minute}",
            mapping={"date": day, "hour": str(value.hour), "minute": f"{value.minute:02d}"},
        )
    )


def sender():
    address = api.portal.get_registry_record("plone.email_from_address", default="") or "convocations@localhost"
    return address, api.portal.get_registry_record("plone.email_from_name", default="") or ""


def site_url(session=None):
    """The site's address in the mails: the setting, else the one recorded when the session was convened, else
    this request's; the loopback address as `localhost` (Plone serves 127.0.0.1 unthemed)."""
    convocation = get_convocation(session) if session is not None else None
    base = setting("public_url") or getattr(convocation, "portal_url", None) or api.portal.get().absolute_url()
    parts = urlsplit(base.rstrip("/"))
    if parts.hostname in LOOPBACK:
        parts = parts._replace(netloc="localhost" + (f":{parts.port}" if parts.port else ""))
    return urlunsplit(parts)


def dossier_url(recipient, session=None):
    return f"{site_url(session)}/@@convocation-lien/{recipient.token}"


def body_text(session, recipient, kind, changes=()):
    lines = [
        tr(_("mail_greeting", default="Dear ${name},")).replace("${name}", recipient.fullname),
        "",
        tr(INTROS[kind]),
    ]
    lines += [f"  - {change}" for change in changes]
    lines += [
        "",
        session.Title(),
        f"{tr(_('Date and time'))} : {long_datetime(session.start)}",
    ]
    if session.place:
        lines.append(f"{tr(_('Place'))} : {session.place}")
    if kind != "cancel":
        lines += ["", tr(_("mail_agenda", default="Agenda:"))]
        lines += [f"  {number}. {item.Title()}" for number, item in enumerate(session.agenda(), 1)]
        lines += ["", tr(_("mail_link", default="Your personal link to the dossier:")), dossier_url(recipient, session)]
    lines += ["", api.portal.get_registry_record("plone.email_from_name", default="") or ""]
    return "\n".join(lines)


def build(session, recipient, kind, sequence, changes=()):
    """An EmailMessage for `recipient`; kind is convocation, invitation, modificatif, update or cancel."""
    if kind == "convocation" and recipient.kind == "invitation":
        kind = "invitation"
    address, name = sender()
    message = EmailMessage(policy=policy.SMTP)  # CRLF line ends: MailHost hands the bytes to smtplib as they are
    message["Subject"] = tr(SUBJECTS[kind]).replace("${session}", session.Title())
    message["From"] = formataddr((name, address)) if name else address
    message["To"] = formataddr((recipient.fullname, recipient.email))
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=address.rpartition("@")[2] or "localhost")
    message["X-Deliberations-Session"] = session.UID()
    message.set_content(body_text(session, recipient, kind, changes))
    method = "CANCEL" if kind == "cancel" else "REQUEST"
    ics = invitation(session, recipient, method, sequence, address, dossier_url(recipient, session))
    message.add_attachment(ics, maintype="text", subtype="calendar", filename="seance.ics", params={"method": method})
    return message
