"""The secretariat's follow-up (page, CSV, REST) and the officials' presence answers through REST."""

from .conftest import convene
from .conftest import point_mailhost
from .conftest import read_as_the_page_does
from collective.deliberations.convocation.storage import get_convocation
from lxml import html
from plone import api

import csv
import io
import threading
import transaction


def test_followup_page_and_csv(site, inbox, browser):
    convene(site.session)
    elu = browser("elu")
    read_as_the_page_does(elu, elu.get(f"{site.session.absolute_url()}/@@dossier"))  # the page displayed
    secretariat = browser("secretaire")
    response = secretariat.get(f"{site.session.absolute_url()}/@@convocation-suivi")
    assert response.status_code == 200
    tree = html.fromstring(response.text)
    counts = " ".join(tree.xpath('//*[@id="followup-counts"]')[0].text_content().split())
    assert counts == "2 destinataires : 2 remis au serveur de messagerie, 1 ouverts, 0 réponses, 0 en échec."
    row = " ".join(tree.xpath('//*[@id="recipient-elu"]')[0].text_content().split())
    assert "Élu du conseil et de la commission" in row and "Remis au serveur de messagerie" in row
    exported = secretariat.get(f"{site.session.absolute_url()}/@@convocation-suivi.csv")
    assert exported.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Destinataire", "Adresse", "Envoi"]
    assert {r[0] for r in rows[1:]} == {"Élu du conseil et de la commission", "Élue du conseil"}
    elu = next(r for r in rows if r[1] == "elu@example.org")
    assert elu[7] and elu[8].startswith("Ouverture du dossier par le lecteur connecté")  # first opened, how
    # the officials may not see the follow-up: they are sent to the login form
    for view in ("@@convocation-suivi", "@@convocation-suivi.csv"):
        refused = browser("elu").get(f"{site.session.absolute_url()}/{view}", allow_redirects=False)
        assert refused.status_code == 302 and "require_login" in refused.headers["Location"]


def test_rest_followup_presence_and_one_proxy_per_member(site, inbox, rest):
    api.content.create(site.council, "Membership", id="agent", member="agent")
    transaction.commit()
    convene(site.session)
    url = site.session.absolute_url()
    given = rest("elu").post(f"{url}/@presence", json={"answer": "procuration", "proxy": "elu2"})
    assert given.status_code == 200 and given.json()["answer_text"] == "Procuration → Élue du conseil", given.text
    refused = rest("agent").post(f"{url}/@presence", json={"answer": "procuration", "proxy": "elu2"})
    assert refused.status_code == 400
    assert refused.json()["error"]["message"] == (
        "Élue du conseil détient déjà une procuration : un membre n'en détient qu'une au plus."
    )
    refused = rest("agent").post(f"{url}/@presence", json={"answer": "distance"})
    assert refused.json()["error"]["message"] == "Cette séance ne peut pas être suivie à distance."
    allowed = rest("secretaire").patch(f"{url}/@convocation", json={"remote_allowed": True})
    assert allowed.json()["remote_allowed"] is True
    assert rest("agent").post(f"{url}/@presence", json={"answer": "distance"}).json()["answer"] == "distance"
    assert rest("elu").patch(f"{url}/@convocation", json={"remote_allowed": False}).status_code == 401
    assert rest("agent").post(f"{url}/@presence", json={"answer": "present"}).json()["answer"] == "present"
    mine = rest("elu").post(f"{url}/@presence", json={"answer": "absent"}).json()
    assert [a["answer"] for a in mine["answers"]] == ["procuration", "absent"]  # each change kept with its time
    assert rest("agent").post(f"{url}/@presence", json={"answer": "procuration", "proxy": "elu2"}).status_code == 200
    not_convened = rest("secretaire").post(f"{url}/@presence", json={"answer": "present"})
    assert not_convened.status_code == 404
    assert not_convened.json()["error"]["message"] == "Vous n'êtes pas destinataire de la convocation de cette séance."
    revoked = rest("secretaire").patch(f"{url}/@convocation", json={"revoke": "elu2"}).json()
    assert [r["userid"] for r in revoked["recipients"] if r["revoked_at"]] == ["elu2"]
    followup = rest("secretaire").get(f"{url}/@convocation").json()
    by_user = {r["userid"]: r for r in followup["recipients"]}
    assert by_user["agent"]["answer_text"] == "Procuration → Élue du conseil"
    assert by_user["elu"]["status"] == "sent" and by_user["elu"]["accepted_at"]
    assert len(followup["manifests"]) == 1
    assert rest("elu").get(f"{url}/@convocation").status_code == 401


def test_rest_retry_after_the_server_came_back(site, inbox, rest, smtp_server):
    point_mailhost(1)
    transaction.commit()
    convene(site.session)
    url = site.session.absolute_url()
    assert {r["status"] for r in rest("secretaire").get(f"{url}/@convocation").json()["recipients"]} == {"failed"}
    point_mailhost(smtp_server.port)
    transaction.commit()
    assert rest("secretaire").post(f"{url}/@convocation-send", json={}).json() == {"queued": 2}
    assert {r["status"] for r in rest("secretaire").get(f"{url}/@convocation").json()["recipients"]} == {"sent"}
    assert rest("secretaire").post(f"{url}/@convocation-send", json={"recipient": "elu"}).json() == {"queued": 1}
    assert len(inbox.to("elu@example.org")) == 2


def test_two_secretaries_convening_at_once_make_one_convocation(site, inbox):
    """Two transactions on their own connections, as two requests: one commits, the other conflicts."""
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from Testing.makerequest import makerequest
    from ZODB.POSException import ConflictError
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    db = site.portal._p_jar.db()
    path = site.session.getPhysicalPath()
    barrier = threading.Barrier(2)
    outcomes = []

    def secretary():
        manager = transaction.TransactionManager()
        connection = db.open(transaction_manager=manager)
        try:
            app = makerequest(connection.root()["Application"])
            setRequest(app.REQUEST)
            portal = app.unrestrictedTraverse(path[:2])
            setSite(portal)
            newSecurityManager(None, portal.acl_users.getUser("secretaire").__of__(portal.acl_users))
            session = app.unrestrictedTraverse(path)
            with manager:
                portal.portal_workflow.doActionFor(session, "convene")
                barrier.wait(timeout=30)
            outcomes.append("convened")
        except ConflictError:
            outcomes.append("conflict")
        except Exception as error:  # noqa: B902 (said in the assertion below)
            outcomes.append(repr(error))
        finally:
            noSecurityManager()
            setSite(None)
            connection.close()

    threads = [threading.Thread(target=secretary) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    setSite(site.portal)
    transaction.begin()
    assert sorted(outcomes) == ["conflict", "convened"]
    assert sorted(rcpt[0] for rcpt, _m in inbox.messages) == ["elu2@example.org", "elu@example.org"]
    assert len(get_convocation(site.session).manifests) == 1
