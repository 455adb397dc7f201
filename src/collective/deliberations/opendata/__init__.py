"""Open data of the published acts: the national schema SCDL Délibérations 2.1.5 (OpenDataFrance,
schema.data.gouv.fr/scdl/deliberations), as a CSV for everyone (@@open-data/deliberations.csv), its JSON rows through
REST (@open-data/deliberations) and a page that explains it (@@open-data). Loi pour une République numérique
(L312-1-1 CRPA): the documents a collectivité publishes are open data by default."""
