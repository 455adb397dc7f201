"""One item of a session's agenda: a deliberation, an information without vote, or any other business."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.validation import FieldError
from plone import api
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


def _unrestricted(uid):
    brains = api.content.find(UID=uid, unrestricted=True) if uid else []
    return brains[0]._unrestrictedGetObject() if brains else None


class DeliberationField(schema.Choice):
    """A deliberation goes on the agenda of one assembly session at a time, once validated."""

    def _validate(self, value):
        super()._validate(value)
        from collective.deliberations.security.chains import inside_commission

        context = aq_inner(self.context)
        session = context if getattr(context, "portal_type", None) == "Session" else aq_parent(context)
        deliberation = _unrestricted(value)
        if deliberation is None or session is None or inside_commission(session):
            return
        if deliberation.session_uid and deliberation.session_uid != session.UID():
            other = _unrestricted(deliberation.session_uid)
            raise FieldError(
                _(
                    "error_two_sessions",
                    default="This deliberation is already on the agenda of ${session}: postpone it there first.",
                    mapping={"session": other.Title() if other else deliberation.session_uid},
                )
            )
        if not deliberation.session_uid and api.content.get_state(deliberation) != "validated":
            raise FieldError(_("error_not_validated", default="Only a validated deliberation can go on an agenda."))


class IAgendaItem(model.Schema):
    item_kind = schema.Choice(
        title=_("Kind of item"),
        vocabulary="collective.deliberations.AgendaItemKinds",
        default="deliberation",
    )
    deliberation = DeliberationField(
        title=_("Deliberation"),
        description=_("A validated draft; it is then scheduled for this session."),
        vocabulary="collective.deliberations.SchedulableDeliberations",
        required=False,
    )
    title = schema.TextLine(
        title=_("Title"), description=_("For an item without deliberation."), required=False, max_length=499
    )

    @invariant
    def deliberation_or_title(data):
        if data.item_kind == "deliberation" and not data.deliberation:
            raise Invalid(_("error_item_needs_deliberation", default="Choose the deliberation of this item."))
        if data.item_kind != "deliberation" and not data.title:
            raise Invalid(_("error_item_needs_title", default="Give this item a title."))


@implementer(IAgendaItem)
class AgendaItem(Item):
    deliberation = None
    item_kind = "deliberation"

    def get_deliberation(self):
        """The deliberation of this item, whatever the current user may see (callers check permissions)."""
        return _unrestricted(self.deliberation)

    def Title(self):
        if self.item_kind == "deliberation" and self.deliberation:
            brains = api.content.find(UID=self.deliberation, unrestricted=True)
            if brains:
                return brains[0].Title
        return self.__dict__.get("title", "") or ""
