"""The @ctes page of an act, through a real HTTP server: the package to download, the ARActe to upload."""

from .test_actes import ar_acte
from .test_actes import attach
from collective.deliberations.seance.votes import record_vote
from plone import api
from seance.test_page import page
from seance.test_page import token
from seance.test_page import words

import io
import pytest
import tarfile
import transaction


@pytest.fixture
def adopted_act(held):
    api.portal.set_registry_record("collective.deliberations.collectivite.siren", "491011698")
    api.portal.set_registry_record("collective.deliberations.collectivite.departement", "34")
    held.everyone_present()
    with api.env.adopt_user(username="secretaire"):
        record_vote(held.items[0], "unanimity")
    transaction.commit()
    return held.deliberations[0]


def test_download_then_acknowledge(adopted_act, secretariat, request_factory):
    url = "finances/budget-primitif"
    tree = page(secretariat.get(f"{url}/@@actes"))
    assert "Pas encore exécutoire" in words(tree)
    assert "Joignez l'acte signé" in words(tree.xpath('//section[@id="actes-package"]')[0])
    assert tree.xpath('//a[contains(@href, "/finances/budget-primitif/@@actes")]')  # the tab
    attach(adopted_act, "acte-signe", "acte")
    transaction.commit()
    tree = page(secretariat.get(f"{url}/@@actes"))
    download = secretariat.get(f"{url}/@@actes-package")
    assert download.status_code == 200 and download.headers["Content-Type"] == "application/gzip"
    with tarfile.open(fileobj=io.BytesIO(download.content), mode="r:gz") as tar:
        assert [name.rsplit("_", 1)[1] for name in tar.getnames()] == ["0.xml", "1.pdf"]
    wrong = secretariat.post(
        f"{url}/@@actes",
        data={"action": "acknowledgement", "_authenticator": token(tree)},
        files={"ar_acte": ("ar.xml", ar_acte("DEL1999_001").encode("iso-8859-1"), "text/xml")},
    )
    assert f"Cet accusé de réception concerne l'acte DEL1999_001, et non {adopted_act.number}." in words(page(wrong))
    done = secretariat.post(
        f"{url}/@@actes",
        data={"action": "acknowledgement", "_authenticator": token(tree)},
        files={"ar_acte": ("ar.xml", ar_acte(adopted_act.number).encode("iso-8859-1"), "text/xml")},
    )
    tree = page(done)
    assert "Reçu le 2026-12-07, identifiant 034-491011698-20261205-DEL2026_001-DE" in words(tree)
    official = request_factory(basic_auth=("elu", "secret-1234"), api=False)
    assert official.get(f"{url}/@@actes").status_code in (401, 403)
