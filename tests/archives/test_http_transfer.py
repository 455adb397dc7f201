"""The HTTP transfer adapter against a small real receiver: what arrives is checked file by file."""

from .receiver import Receiver
from collective.deliberations.archives.sip import ExportError
from collective.deliberations.archives.status import archive_status
from collective.deliberations.archives.transfer import transfer
from plone import api
from zope.i18n import translate

import pytest


def set_url(url):
    api.portal.set_registry_record("collective.deliberations.archives.transfer_url", url)


def test_sip_posted_to_the_archive_system(archives, seda_schemas, vault):
    with Receiver() as archive:
        set_url(archive.url.replace("http://", "http://versant:secret@"))
        with api.env.adopt_user(username="archiviste"):
            entry = transfer([archives.old])
    assert (entry["status"], entry["adapter"]) == ("sent", "http 201")
    [received] = archive.received
    assert received["problems"] == [] and not received["chunked"]
    assert (
        received["manifest"].findtext("{fr:gouv:culture:archivesdefrance:seda:v2.2}MessageIdentifier")
        == (entry["identifier"])
    )
    assert (
        len(list(received["manifest"].iter("{fr:gouv:culture:archivesdefrance:seda:v2.2}BinaryDataObject"))) == 5
    )  # convocation, 2 acts, 2 annexes
    assert archive_status(archives.budget)["status"] == "transferred"
    assert sorted(p.suffix for p in vault.iterdir()) == [".sha512", ".zip"]


@pytest.mark.parametrize("credentials, expected", [("versant:wrong@", "HTTP 401")])
def test_refused_transfer_leaves_nothing(archives, seda_schemas, vault, credentials, expected):
    with Receiver() as archive:
        set_url(archive.url.replace("http://", f"http://{credentials}"))
        with pytest.raises(ExportError) as raised:
            transfer([archives.old])
    message = translate(raised.value.message, target_language="fr")
    assert message.startswith(f"Le système d'archivage a refusé le versement ({expected} :")
    assert list(vault.iterdir()) == []
    assert archive_status(archives.budget) is None


def test_archive_system_down(archives, seda_schemas, vault):
    with Receiver() as archive:
        url = archive.url
    set_url(url)  # the server is closed: nobody listens there any more
    with pytest.raises(ExportError) as raised:
        transfer([archives.old])
    assert translate(raised.value.message, target_language="fr").startswith("Le système d'archivage n'a pas répondu")
    assert list(vault.iterdir()) == []
