"""SCDL Délibérations on the demo site: the CSV that anyone downloads is valid against the Table Schema written
from the published specification (checked by frictionless, not by us), and holds the published acts only, without
the vote of a huis clos item."""

from collective.deliberations.acts.actes import NS
from collective.deliberations.acts.actes import record_acknowledgement
from frictionless import Resource
from frictionless import Schema
from frictionless import validate
from pathlib import Path
from plone import api

import csv
import io
import json
import pytest
import requests
import transaction


SCHEMA = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "collective"
    / "deliberations"
    / "opendata"
    / "scdl-deliberations.schema.json"
)
ARACTE = """<?xml version="1.0" encoding="ISO-8859-1"?>
<actes:ARActe xmlns:actes="{ns}" actes:IDActe="034-200000172-20261030-{number}-DE" actes:DateReception="2026-11-04">
  <actes:ActeRecu actes:CodeNatureActe="1" actes:Date="2026-10-30" actes:NumeroInterne="{number}">
    <actes:CodeMatiere1 actes:CodeMatiere="7"/>
    <actes:Objet>Objet</actes:Objet>
  </actes:ActeRecu>
  <actes:ClassificationDateVersion>2019-08-29</actes:ClassificationDateVersion>
</actes:ARActe>"""
HEADER = (
    "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,BUDGET_ANNEE,"
    "BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL"
)


@pytest.fixture
def demo(demo_functional):
    return demo_functional["portal"]


def download(portal):
    response = requests.get(f"{portal.absolute_url()}/@@open-data/deliberations.csv", timeout=120)
    assert response.status_code == 200, response.text[:500]
    return response


def table(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def acts(portal, **query):
    catalog = portal.portal_catalog
    return [b._unrestrictedGetObject() for b in catalog.unrestrictedSearchResults(portal_type="Deliberation", **query)]


def test_the_demo_data_set_is_valid_scdl(demo, tmp_path):
    response = download(demo)
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8").splitlines()[0] == HEADER
    path = tmp_path / "deliberations.csv"
    path.write_bytes(response.content)
    schema = Schema.from_descriptor(json.loads(SCHEMA.read_text(encoding="utf-8")))
    report = validate(Resource(path=path.name, basepath=str(tmp_path), schema=schema))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = table(response)
    assert rows
    assert {row["COLL_SIRET"] for row in rows} == {"20000017200011"}
    assert any(row["VOTE_POUR"] for row in rows)
    assert all(row["DELIB_MATIERE_NOM"].count("/") == 1 for row in rows)
    pdf = requests.get(rows[0]["DELIB_URL"], timeout=120)  # the act frozen at publication, for everyone
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_only_published_acts_appear(demo):
    published = {act.number for act in acts(demo, review_state="published") if act.nature != "3"}
    others = {act.number for act in acts(demo) if act.number and api.content.get_state(act) != "published"}
    assert others, "the demo has numbered acts that are not published"
    listed = {row["DELIB_ID"] for row in table(download(demo))}
    assert listed and listed <= published
    assert not listed & others


def test_the_prefecture_columns_wait_for_the_acknowledgement(demo):
    rows = table(download(demo))
    assert not any(row["PREF_ID"] or row["PREF_DATE"] for row in rows if row["DELIB_ID"] == rows[0]["DELIB_ID"])
    act = next(a for a in acts(demo, review_state="published") if a.number == rows[0]["DELIB_ID"])
    record_acknowledgement(act, ARACTE.format(ns=NS, number=act.number).encode("iso-8859-1"))
    transaction.commit()
    row = next(row for row in table(download(demo)) if row["DELIB_ID"] == act.number)
    assert (row["PREF_ID"], row["PREF_DATE"]) == ("PREF034", "2026-11-04")  # the demo's département is 34


def test_the_vote_of_a_huis_clos_item_is_not_given(demo):
    rows = table(download(demo))
    voted = next(row for row in rows if row["VOTE_POUR"])
    act = next(a for a in acts(demo, review_state="published") if a.number == voted["DELIB_ID"])
    act.huis_clos = True
    transaction.commit()
    row = next(row for row in table(download(demo)) if row["DELIB_ID"] == act.number)
    assert [row[name] for name in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")] == [
        ""
    ] * 5
    assert row["DELIB_OBJET"]  # the act itself is public: only its vote is closed


def test_the_page_explains_the_data_set(demo):
    page = requests.get(f"{demo.absolute_url()}/@@open-data", headers={"Accept-Language": "fr"}, timeout=120)
    assert page.status_code == 200
    assert "Licence Ouverte 2.0" in page.text
    assert "https://schema.data.gouv.fr/scdl/deliberations/2.1.5/" in page.text
    assert "@@open-data/deliberations.csv" in page.text
    assert "Données ouvertes" in page.text
