"""Session fixtures shared by all tests: backtrans' copy test models (see translate/testmodel.py)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from translate.engine.testmodel import build_test_models


def pytest_configure(config: pytest.Config) -> None:
    """Hermetic runs: no model or glossary the machine happens to have is seen unless a test asks.

    Tests that need models install them into their own folder (``installed_models``) and pass it.
    """
    os.environ["ARGOS_PACKAGES_DIR"] = tempfile.mkdtemp(prefix="backtrans-no-models-")
    os.environ["BACKTRANS_TEST_MODELS"] = tempfile.mkdtemp(prefix="backtrans-no-test-models-")
    os.environ.pop("BACKTRANS_GLOSSARY", None)


@pytest.fixture(scope="session")
def test_models(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """pair -> ``.argosmodel`` of the int8 copy model, built once (a few seconds) and reused across runs.

    Kept in pytest's own cache (``.pytest_cache``), or in a temporary dir when that cache is disabled.
    """
    cache = getattr(pytestconfig, "cache", None)
    out_dir = cache.mkdir("backtrans-test-models") if cache is not None else tmp_path_factory.mktemp("test-models")
    return build_test_models(out_dir)


@pytest.fixture(scope="session")
def installed_models(test_models, tmp_path_factory):
    """An Argos packages folder with every test model installed (ARGOS_PACKAGES_DIR for the CLI)."""
    from translate.engine import packages

    target = tmp_path_factory.mktemp("argos-packages")
    for path in test_models.values():
        packages.install_package(path, target)
    return target
