"""Transfer of single acts: the archivist chooses deliberations (not their whole séance), by REST and from the
dashboard; the SIP's tree still follows the records (séance → deliberation → documents)."""

from .sae import manifest_of
from .test_pages import browser
from .test_pages import page
from .test_pages import token
from .test_rest import call
from collective.deliberations.archives.status import archive_status
from lxml import etree

import io
import pytest
import transaction
import zipfile


SEDA = "{fr:gouv:culture:archivesdefrance:seda:v2.2}"


@pytest.fixture
def site(functional_archives):
    return functional_archives


def tree(manifest):
    """[(level, title, [children...])] of the manifest's ArchiveUnits."""

    def unit(element):
        content = element.find(f"{SEDA}Content")
        return (
            content.findtext(f"{SEDA}DescriptionLevel"),
            content.findtext(f"{SEDA}Title"),
            [unit(child) for child in element.findall(f"{SEDA}ArchiveUnit")],
        )

    descriptive = manifest.find(f"{SEDA}DataObjectPackage/{SEDA}DescriptiveMetadata")
    return [unit(element) for element in descriptive.findall(f"{SEDA}ArchiveUnit")]


def uid(obj):
    return call("GET", obj.absolute_url(), "admin").json()["UID"]


def test_one_act_transferred_alone_by_rest(site, seda_schemas, vault):
    url = f"{site.portal.absolute_url()}/@transfer"
    response = call("POST", url, json={"records": [uid(site.budget)]})
    assert response.status_code == 200, response.text
    sips = list(vault.glob("*.zip"))
    assert len(sips) == 1
    assert tree(manifest_of(sips[0])) == [
        (
            "RecordGrp",
            "Conseil communautaire (12/03/2024)",
            [("File", "Budget primitif 2024", [("Item", "Annexe de Budget primitif 2024", [])])],
        )
    ]  # the séance's convocation and its other act stay
    transaction.begin()  # see what the server committed
    assert archive_status(site.budget)["status"] == "transferred"
    assert archive_status(site.subvention) is None and archive_status(site.old) is None
    # the act cannot leave twice; the séance, transferred later, no longer carries it
    again = call("POST", url, json={"records": [uid(site.budget)]})
    assert again.status_code == 400
    assert again.json()["error"]["message"] == "Budget primitif 2024 a déjà été versé."
    response = call("POST", f"{site.old.absolute_url()}/@transfer")
    assert response.status_code == 200, response.text
    second = next(path for path in vault.glob("*.zip") if path != sips[0])
    [(level, _title, children)] = tree(manifest_of(second))
    assert level == "RecordGrp"
    assert [child[1] for child in children] == ["Convocation", "Subvention au club de rugby"]
    assert call("POST", url, "secretaire", json={"records": [uid(site.subvention)]}).status_code in (401, 403)


def test_sip_of_one_act_downloaded(site, seda_schemas, vault):
    url = f"{site.subvention.absolute_url()}/@sip"
    response = call("GET", url)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as sip:
        manifest = etree.fromstring(sip.read("manifest.xml"))
    [(_level, _title, children)] = tree(manifest)
    assert [child[1] for child in children] == ["Subvention au club de rugby"]
    assert list(vault.iterdir()) == []  # a download is not a transfer
    for user in ("secretaire", "elu", None):
        assert call("GET", url, user).status_code in (401, 403), user


def test_acts_chosen_on_the_dashboard(site, seda_schemas, vault):
    archivist = browser()
    dashboard = f"{site.portal.absolute_url()}/@@archives-dashboard"
    doc = page(archivist.get(dashboard))  # by default: everything whose DUA has ended, and the next year
    boxes = doc.xpath("//section[@id='final-C']//input[@name='records:list']")
    titles = doc.xpath("//section[@id='final-C']//tr/td[2]/a/text()")
    assert titles == ["Budget primitif 2024", "Subvention au club de rugby"] and len(boxes) == 2
    form = doc.xpath("//section[@id='final-C']//form")[0]
    assert form.action.endswith("/@@archives-transfer-selection")
    response = archivist.post(
        form.action,
        data={"_authenticator": token(doc), "records:list": [boxes[1].get("value")], "transfer": "1"},
    )
    doc = page(response)
    assert "Versé : SIP-200067106-" in doc.text_content()
    [sip] = vault.glob("*.zip")
    [(_level, _title, children)] = tree(manifest_of(sip))
    assert [child[1] for child in children] == ["Subvention au club de rugby"]
    # once versé, the act shows its status and can no longer be ticked
    doc = page(archivist.get(dashboard))
    assert len(doc.xpath("//section[@id='final-C']//input[@name='records:list']")) == 1
    row = doc.xpath("//section[@id='final-C']//tr[td[2]/a='Subvention au club de rugby']")[0]
    assert "versé" in row.text_content()
    # nothing chosen: said, nothing written
    response = archivist.post(form.action, data={"_authenticator": token(doc), "transfer": "1"})
    doc = page(response)
    assert "Choisissez les séances clôturées ou les actes à verser." in doc.text_content()
    assert len(list(vault.glob("*.zip"))) == 1
    for client in (browser("secretaire"), browser("elu"), browser(None)):
        refused = client.post(form.action, data={"records:list": [boxes[0].get("value")]}, allow_redirects=False)
        assert refused.status_code in (302, 401, 403)
        if refused.status_code == 302:
            assert "require_login" in refused.headers["Location"]
    assert len(list(vault.glob("*.zip"))) == 1
