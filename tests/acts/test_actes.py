"""@ctes: the transmission package of an adopted act, the préfecture's acknowledgement, the exécutoire status."""

from collective.deliberations.acts.actes import acknowledgement
from collective.deliberations.acts.actes import is_executoire
from collective.deliberations.acts.actes import package
from collective.deliberations.acts.actes import record_acknowledgement
from collective.deliberations.seance.votes import record_vote
from collective.deliberations_demo.pdf import pdf_bytes
from lxml import etree
from plone import api
from plone.namedfile.file import NamedBlobFile
from seance.test_attendance import refused

import io
import pytest
import tarfile


NS = {"actes": "http://www.interieur.gouv.fr/ACTES#v1.1-20040216"}


def attach(deliberation, id_, document_type, data=None, **flags):
    """As an administrator: after the vote only a Manager adds documents to an act (docs/security.md)."""
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            deliberation,
            "File",
            id=id_,
            title=id_,
            document_type=document_type,
            file=NamedBlobFile(data or pdf_bytes(id_, ["Texte"]), filename=f"{id_}.pdf"),
            **flags,
        )


@pytest.fixture
def adopted(seance):
    api.portal.set_registry_record("collective.deliberations.collectivite.siren", "491011698")
    api.portal.set_registry_record("collective.deliberations.collectivite.departement", "34")
    seance.everyone_present()
    deliberation = seance.deliberations[0]
    deliberation.matiere = "7.1"
    with api.env.adopt_user(username="secretaire"):
        record_vote(seance.items[0], "unanimity")
    return deliberation


def ar_acte(number, identifier="034-491011698-20261205-DEL2026_001-DE", date="2026-12-07"):
    return f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<actes:ARActe xmlns:actes="{NS["actes"]}" actes:IDActe="{identifier}" actes:DateReception="{date}">
  <actes:ActeRecu actes:CodeNatureActe="1" actes:Date="2026-12-05" actes:NumeroInterne="{number}">
    <actes:CodeMatiere1 actes:CodeMatiere="7"/>
    <actes:Objet>Budget primitif : équilibre</actes:Objet>
  </actes:ActeRecu>
  <actes:ClassificationDateVersion>2019-08-29</actes:ClassificationDateVersion>
</actes:ARActe>"""


def test_package_holds_the_message_the_act_and_its_annexes(adopted):
    with refused("seance_actes_no_main"):
        package(adopted)
    act = attach(adopted, "acte-signe", "acte")
    attach(adopted, "plan", "annexe")
    attach(adopted, "note-interne", "annexe", publishable=False)
    attach(adopted, "avis", "annexe", confidential=True)
    filename, data = package(adopted)
    date = adopted.decision_date.strftime("%Y%m%d")
    base = f"034-491011698-{date}-{adopted.number}-DE-1-1"
    assert filename == f"{base}.tar.gz"
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        names = tar.getnames()
        files = {name: tar.extractfile(name).read() for name in names}
    assert names == [f"{base}_0.xml", f"99_DE-{base}_1.pdf", f"99_AU-{base}_2.pdf"]  # typology codes first
    assert files[f"99_DE-{base}_1.pdf"] == act.file.data
    xml = etree.fromstring(files[f"{base}_0.xml"])
    assert files[f"{base}_0.xml"].startswith(b"<?xml version='1.0' encoding='ISO-8859-1'?>")
    attribute = "{" + NS["actes"] + "}"
    assert xml.tag == attribute + "Acte"
    assert xml.get(attribute + "NumeroInterne") == adopted.number
    assert xml.get(attribute + "CodeNatureActe") == "1"
    assert xml.get(attribute + "Date") == adopted.decision_date.isoformat()
    assert [
        e.get(attribute + "CodeMatiere") for e in xml.xpath("actes:CodeMatiere1|actes:CodeMatiere2", namespaces=NS)
    ] == [
        "7",
        "1",
    ]
    assert xml.findtext("actes:Objet", namespaces=NS) == "Budget primitif"
    assert xml.findtext("actes:ClassificationDateVersion", namespaces=NS) == "2019-08-29"
    assert xml.findtext("actes:Document/actes:NomFichier", namespaces=NS) == f"99_DE-{base}_1.pdf"
    assert xml.xpath("actes:Annexes/@actes:Nombre", namespaces=NS) == ["1"]
    assert xml.xpath("actes:Annexes/actes:Annexe/actes:NomFichier/text()", namespaces=NS) == [f"99_AU-{base}_2.pdf"]


def test_a_file_that_is_not_a_pdf_or_an_act_not_adopted_is_refused(seance, adopted):
    attach(adopted, "acte-signe", "acte", data=b"PK\x03\x04 a word file")
    with refused("seance_actes_not_pdf"):
        package(adopted)
    with refused("seance_actes_not_adopted"):
        package(seance.deliberations[1])


def test_acknowledgement_and_executoire(adopted):
    assert not is_executoire(adopted)
    with refused("seance_actes_ar_other_act"):
        record_acknowledgement(adopted, ar_acte("DEL1999_001"))
    with refused("seance_actes_ar_unreadable"):
        record_acknowledgement(adopted, "<html>pas un accusé</html>")
    assert acknowledgement(adopted) is None
    ack = record_acknowledgement(adopted, ar_acte(adopted.number))
    assert dict(ack) == {"identifier": "034-491011698-20261205-DEL2026_001-DE", "date": "2026-12-07"}
    assert not is_executoire(adopted)  # acknowledged, not yet published
    with api.env.adopt_user(username="secretaire"):
        api.content.transition(adopted, "publish")
    assert is_executoire(adopted)
