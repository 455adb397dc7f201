"""@ctes rules set by the collectivité and the secretariat: the classification version date and the typology codes
of the file names (Collectivité settings), acts not subject to control, notification of individual decisions."""

from .test_actes import adopted  # noqa: F401 (fixture)
from .test_actes import attach
from .test_actes import NS
from .test_actes_page import adopted_act  # noqa: F401 (fixture)
from collective.deliberations.acts.actes import is_executoire
from collective.deliberations.acts.actes import package
from collective.deliberations.acts.actes import record_acknowledgement
from collective.deliberations.acts.actes import record_notification
from collective.deliberations.acts.actes import set_subject_to_control
from lxml import etree
from plone import api
from seance.test_attendance import refused

import datetime
import io
import tarfile
import transaction


def test_classification_date_and_typologies_come_from_the_settings(adopted):  # noqa: F811
    api.portal.set_registry_record(
        "collective.deliberations.collectivite.actes_classification_date", datetime.date(2024, 3, 1)
    )
    api.portal.set_registry_record(
        "collective.deliberations.collectivite.actes_typologies", ["1:99_DC", "annexe:22_ZZ"]
    )
    attach(adopted, "acte-signe", "acte")
    attach(adopted, "plan", "annexe")
    _name, data = package(adopted)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        names = tar.getnames()
        xml = etree.fromstring(tar.extractfile(names[0]).read())
    assert [n.split("-", 1)[0] for n in names[1:]] == ["99_DC", "22_ZZ"]
    assert xml.findtext("actes:ClassificationDateVersion", namespaces=NS) == "2024-03-01"


def test_an_act_not_subject_to_control_has_no_package_and_is_executoire_once_published(adopted):  # noqa: F811
    attach(adopted, "acte-signe", "acte")
    with api.env.adopt_user(username="secretaire"):
        set_subject_to_control(adopted, False)
    with refused("seance_actes_not_subject"):
        package(adopted)
    assert not is_executoire(adopted)
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(adopted, "publish")
    assert is_executoire(adopted)  # no acknowledgement awaited


def test_an_individual_decision_is_executoire_once_notified_and_acknowledged(seance, adopted):  # noqa: F811
    with refused("seance_actes_notify_individual"):
        record_notification(adopted, datetime.date.today())
    adopted.nature = "3"
    adopted.decision_date = datetime.date.today() - datetime.timedelta(days=3)  # the fixture's séance is ahead
    with refused("seance_actes_notify_when"):
        record_notification(adopted, datetime.date.today() + datetime.timedelta(days=1))
    with refused("seance_actes_notify_when"):
        record_notification(adopted, adopted.decision_date - datetime.timedelta(days=1))
    with refused("seance_actes_notify_date"):
        record_notification(adopted, "hier")
    record_notification(adopted, datetime.date.today())
    assert not is_executoire(adopted)  # notified, the préfecture has not acknowledged yet
    record_acknowledgement(adopted, _ar(adopted))
    assert is_executoire(adopted)  # never published: an individual decision is notified
    with refused("seance_actes_notify_adopted"):
        seance.deliberations[1].nature = "3"
        record_notification(seance.deliberations[1], datetime.date.today())


def _ar(act):
    from .test_actes import ar_acte

    return ar_acte(act.number)


def test_control_and_notification_from_the_page_and_rest(adopted_act, secretariat, request_factory):  # noqa: F811
    from seance.test_page import page
    from seance.test_page import token
    from seance.test_page import words

    url = "finances/budget-primitif"
    tree = page(secretariat.get(f"{url}/@@actes"))
    assert tree.xpath('//input[@name="subject_to_control"]/@checked')
    assert not tree.xpath('//input[@name="notified"]')  # a deliberation (nature 1) is published, not notified
    tree = page(
        secretariat.post(f"{url}/@@actes", data={"action": "control", "_authenticator": token(tree)})
    )  # the box unticked
    assert not tree.xpath('//input[@name="subject_to_control"]/@checked')
    assert "n'est pas soumis au contrôle de légalité" in words(tree.xpath('//section[@id="actes-package"]')[0])
    rest = request_factory(basic_auth=("secretaire", "secret-1234"))
    status = rest.post(f"{url}/@actes", json={"subject_to_control": True}).json()
    assert status["subject_to_control"] is True and status["executoire"] is False
    refused_ = rest.post(f"{url}/@actes", json={"notified": datetime.date.today().isoformat()})
    assert refused_.status_code == 400
    assert refused_.json()["error"]["message"] == "Seule une décision individuelle (nature 3) est notifiée."
    transaction.begin()
    adopted_act.nature = "3"
    adopted_act.decision_date = datetime.date.today() - datetime.timedelta(days=3)
    transaction.commit()
    tree = page(secretariat.get(f"{url}/@@actes"))
    today = datetime.date.today().isoformat()
    tree = page(
        secretariat.post(
            f"{url}/@@actes", data={"action": "notification", "notified": today, "_authenticator": token(tree)}
        )
    )
    assert f"Notifié le {today}." in words(tree)
    assert rest.get(f"{url}/@actes-status").json()["notified"] == today
    official = request_factory(basic_auth=("elu", "secret-1234"))
    assert official.post(f"{url}/@actes", json={"subject_to_control": False}).status_code in (401, 403)
