"""French first, English second: the .po files are compiled when Zope loads and used by the pages."""

from zope.i18n import translate

import pytest


@pytest.mark.parametrize(
    "language,expected",
    [("fr", "Nom de la collectivité"), ("en", "Name of the local government")],
)
def test_label_translated(integration, language, expected):
    assert translate("label_collectivite_name", domain="collective.deliberations", target_language=language) == expected


def test_mapping_in_french(integration):
    from collective.deliberations import _

    message = _("numbering_actes", default="...", mapping={"example": "2026-001"})
    assert translate(message, target_language="fr").startswith("Ce modèle donne 2026-001 : @ctes")


def test_compiled_catalogs_exist(integration):
    from pathlib import Path

    import collective.deliberations

    locales = Path(collective.deliberations.__file__).parent / "locales"
    for language in ("fr", "en"):
        assert (locales / language / "LC_MESSAGES" / "collective.deliberations.mo").stat().st_size > 0
