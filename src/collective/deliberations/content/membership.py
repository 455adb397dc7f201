"""A person's seat in a body: role, voting right, start and end. The body's Plone group follows its memberships."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.deliberations import _
from collective.deliberations.content.body import IBody
from collective.deliberations.validation import FieldError
from datetime import date
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


def body_of(context):
    """The body a membership belongs to, from the membership or from the body itself (add form)."""
    context = aq_inner(context)
    while context is not None and not IBody.providedBy(context):
        context = aq_parent(context)
    return context


def memberships(body):
    return [obj for obj in body.objectValues() if getattr(obj, "portal_type", None) == "Membership"]


class MemberField(schema.Choice):
    """The member's user id; refuses a person who already has a current seat in the same body."""

    def _validate(self, value):
        super()._validate(value)
        membership = self.context
        body = body_of(membership)
        if body is None:
            return
        for other in memberships(body):
            if other is not aq_inner(membership) and other.member == value and other.is_current():
                raise FieldError(
                    _(
                        "error_member_twice",
                        default="${name} is already a member of ${body}: edit that membership instead.",
                        mapping={"name": other.member_name(), "body": body.Title()},
                    )
                )


class IMembership(model.Schema):
    member = MemberField(
        title=_("Member"),
        vocabulary="plone.app.vocabularies.Users",
        required=True,
    )
    member_role = schema.Choice(
        title=_("Role in the body"),
        vocabulary="collective.deliberations.MemberRoles",
        default="membre",
    )
    voting_right = schema.Bool(title=_("Voting right"), default=True, required=False)
    # personal data: read only by who sends the convocations, never by visitors nor the other officials
    directives.read_permission(paper_convocation="collective.deliberations.ManageAgenda")
    paper_convocation = schema.Bool(
        title=_("label_paper_convocation", default="Convocation on paper"),
        description=_(
            "help_paper_convocation",
            default="This member asked for the convocation by post: a printable letter is listed on the follow-up"
            " of each convocation (and an e-mail still goes when the member has an address).",
        ),
        default=False,
        required=False,
    )
    start = schema.Date(title=_("Start"), required=False)
    end = schema.Date(title=_("End"), required=False)

    @invariant
    def end_after_start(data):
        if data.start and data.end and data.end < data.start:
            raise Invalid(_("error_end_before_start", default="The end comes before the start."))


@implementer(IMembership)
class Membership(Item):
    member = None
    paper_convocation = False
    start = None
    end = None

    def is_current(self, today=None):
        today = today or date.today()
        return (self.start is None or self.start <= today) and (self.end is None or today <= self.end)

    def member_name(self):
        user = api.user.get(userid=self.member) if self.member else None
        return (user.getProperty("fullname") or self.member) if user else (self.member or "")
