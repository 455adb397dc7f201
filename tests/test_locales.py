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


def test_every_message_has_its_french_translation(integration, tmp_path, venv_bin):
    """French first: every message of the code and templates has a French msgstr (else: make i18n, translate)."""
    from i18ndude.catalog import MessageCatalog
    from pathlib import Path

    import collective.deliberations
    import subprocess

    package = Path(collective.deliberations.__file__).parent
    pot = tmp_path / "collective.deliberations.pot"
    command = [venv_bin / "i18ndude", "rebuild-pot", "--pot", pot, "--create", "collective.deliberations", package]
    subprocess.run([str(part) for part in command], check=True, capture_output=True)
    wanted = [msgid for msgid in MessageCatalog(filename=str(pot)) if msgid]
    french = MessageCatalog(filename=str(package / "locales" / "fr" / "LC_MESSAGES" / "collective.deliberations.po"))
    missing = [msgid for msgid in wanted if msgid not in french or not french[msgid].msgstr]
    assert len(wanted) > 200
    assert missing == [], f"{len(missing)} messages without French: {missing[:15]}"
