"""REST: GET @publication on a deliberation: its date of putting online, its permanent URL, and the act's PDF frozen
at publication with its SHA-256 digest (null before)."""

from collective.deliberations.acts.frozen import published_act
from collective.deliberations.acts.online import online_date
from plone import api
from plone.restapi.services import Service


class PublicationGet(Service):
    def reply(self):
        act = self.context
        date = online_date(act)
        published = date is not None and act.number and api.content.get_state(act) == "published"
        portal_url = api.portal.get().absolute_url()
        frozen = published_act(act) if published else None
        return {
            "@id": f"{act.absolute_url()}/@publication",
            "published": bool(published),
            "online_date": date.ISO8601() if date is not None else None,
            "permanent_url": f"{portal_url}/@@actes/{act.number}" if published else None,
            "pdf": f"{portal_url}/@@actes/{act.number}/acte.pdf" if published else None,
            "pdf_sha256": frozen["sha256"] if frozen else None,
        }
