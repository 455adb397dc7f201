import os


# Compile the .po files at ZCML load time, as the instance does (zope.conf <environment>).
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
os.environ.setdefault("zope_i18n_allowed_languages", "fr en")

from collective.deliberations.testing import FUNCTIONAL_TESTING  # noqa: E402
from collective.deliberations.testing import INTEGRATION_TESTING  # noqa: E402
from collective.deliberations_demo.testing import DEMO_FUNCTIONAL_TESTING  # noqa: E402
from pathlib import Path  # noqa: E402
from pytest_plone import fixtures_factory  # noqa: E402

import pytest  # noqa: E402


pytest_plugins = ["pytest_plone"]

globals().update(fixtures_factory(((FUNCTIONAL_TESTING, "functional"), (INTEGRATION_TESTING, "integration"))))
# Not kept for the whole session: the demo's content and accounts must not be under the other layers' tests.
globals().update(fixtures_factory(((DEMO_FUNCTIONAL_TESTING, "demo_functional"),), keep_session=False))

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project_root():
    return ROOT


@pytest.fixture(scope="session")
def venv_bin():
    """The bin directory of the environment running the tests (the Makefile's .venv)."""
    import sys

    return Path(sys.executable).parent
