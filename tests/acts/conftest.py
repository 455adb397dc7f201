"""The act's tests run in the séance's world (tests/seance/conftest.py: a council in a held séance) or the portal's
(tests/documents/test_portal.py: published acts, with the documents' sample files)."""

from documents.conftest import samples  # noqa: F401 (fixture)
from seance.conftest import held  # noqa: F401 (fixture)
from seance.conftest import html_browser  # noqa: F401 (fixture)
from seance.conftest import seance  # noqa: F401 (fixture)
from seance.conftest import secretariat  # noqa: F401 (fixture)
