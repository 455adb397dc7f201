"""What the pages share: translated states and terms, people's names, dates, the documents of a container."""

from collective.deliberations.behaviors.document import IDocumentFlags
from plone import api
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


# One Bootstrap badge colour per workflow state of the domain
BADGES = {
    "draft": "text-bg-secondary",
    "proposed": "text-bg-warning",
    "validated": "text-bg-info",
    "scheduled": "text-bg-primary",
    "adopted": "text-bg-success",
    "published": "text-bg-success",
    "rejected": "text-bg-danger",
    "withdrawn": "text-bg-dark",
    "planned": "text-bg-secondary",
    "convened": "text-bg-primary",
    "held": "text-bg-info",
    "closed": "text-bg-dark",
    "cancelled": "text-bg-danger",
    "internal": "text-bg-secondary",
    "confidential": "text-bg-warning",
    "publishable": "text-bg-light",
}
WORKFLOWS = ("deliberation_workflow", "session_workflow", "document_workflow")
DELIBERATION_STATES = ("draft", "proposed", "validated", "scheduled", "adopted", "rejected", "withdrawn", "published")


def tr(message, request):
    return translate(message, context=request)


def state_titles(request):
    """{state id: translated title} for the states of the domain's workflows (their msgids are the titles)."""
    tool = api.portal.get_tool("portal_workflow")
    titles = {}
    for workflow_id in WORKFLOWS:
        workflow = tool.getWorkflowById(workflow_id)
        for state in workflow.states.objectValues() if workflow else ():
            titles.setdefault(state.id, translate(state.title, domain="collective.deliberations", context=request))
    return titles


def badge(state, titles):
    return {"id": state, "title": titles.get(state, state or ""), "css": BADGES.get(state, "text-bg-secondary")}


def term_title(vocabulary_name, value, context, request):
    """The translated title of a term, or the value itself when the vocabulary does not know it."""
    factory = queryUtility(IVocabularyFactory, name=vocabulary_name)
    if factory is None or value is None:
        return value or ""
    try:
        title = factory(context).getTerm(value).title
    except LookupError:
        return value
    return tr(title, request) if title else value


def can_add(context, add_permission):
    """May the user add content of the type that add_permission guards in context?"""
    return all(api.user.has_permission(name, obj=context) for name in ("Add portal content", add_permission))


def fullname(user_id):
    if not user_id:
        return ""
    user = api.user.get(userid=user_id)
    return (user.getProperty("fullname") or user_id) if user is not None else user_id


def localized(value, long_format=True):
    return api.portal.get_localized_time(datetime=value, long_format=long_format) if value else ""


def documents(container, request):
    """The Files of a container the current user may View (the catalog filters them), in their order."""
    titles = state_titles(request)
    rows = []
    brains = api.content.find(context=container, depth=1, portal_type="File", sort_on="getObjPositionInParent")
    for brain in brains:
        document = brain.getObject()
        url = brain.getURL()
        rows.append(
            {
                "title": brain.Title or brain.getId,
                "url": url,
                "download": f"{url}/@@download/file",
                "type": term_title(
                    "collective.deliberations.DocumentTypes",
                    getattr(IDocumentFlags(document, None), "document_type", None),
                    container,
                    request,
                ),
                "size": brain.getObjSize,
                "state": badge(brain.review_state, titles) if brain.review_state != "publishable" else None,
            }
        )
    return rows
