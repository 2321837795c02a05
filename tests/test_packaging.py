"""Packaging: a built wheel ships the glossary where ``shipped_glossary_path()`` looks for it,
and a checkout (editable install) still finds the repository's own ``glossaries/``."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import translate
from tests.helpers import REPO, run_cli
from translate.glossary import load_glossary, shipped_glossary_path
from translate.glossary.store import SHIPPED_NAME

IN_WHEEL = f"translate/glossaries/{SHIPPED_NAME}"
# What .gitignore keeps out of the repository, and so out of a build.
NOT_SOURCE = (".git", ".venv", "build", "dist", "*.egg-info", ".pytest_cache", "__pycache__", "*.pyc",
              "out", ".cache", "*.argosmodel")


def _setuptools_builds_wheels() -> bool:
    """Whether this environment's setuptools can build the wheel without fetching a newer one.

    pyproject.toml asks for setuptools>=68; bdist_wheel is built in from 70.1, before that
    it needs the ``wheel`` package (a plain ``python3 -m venv`` has neither).
    """
    try:
        import setuptools
    except ImportError:
        return False
    version = tuple(int(p) for p in setuptools.__version__.split(".")[:2] if p.isdigit())
    return version >= (70, 1) or (version >= (68, 0) and importlib.util.find_spec("wheel") is not None)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel pip builds from a copy of the checkout (the shared tree gets no build/ folder)."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(src)]
    if _setuptools_builds_wheels():
        cmd.insert(4, "--no-build-isolation")  # offline; else pip fetches setuptools for the build
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (built,) = (work / "dist").glob("backtrans-*.whl")
    return built


def test_wheel_holds_the_shipped_glossary_under_translate(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        assert IN_WHEEL in names
        assert z.read(IN_WHEEL) == (REPO / "glossaries" / SHIPPED_NAME).read_bytes()
    assert not [n for n in names if n.startswith("glossaries/")]  # no stray top-level folder in site-packages


def test_wheel_holds_every_module_and_data_file_of_the_tree(wheel):
    """The package list in pyproject.toml is explicit: a subpackage missing there fails here."""
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    expected = {p.relative_to(REPO).as_posix() for top in ("translate", "align") for p in (REPO / top).rglob("*.py")
                if "__pycache__" not in p.parts}
    expected |= {p.relative_to(REPO).as_posix() for p in (REPO / "translate" / "data").iterdir()}
    assert {"translate/glossary/store.py", "translate/data/corpus_en.txt", "align/__init__.py"} <= expected
    assert sorted(expected - names) == []


def test_installed_wheel_finds_and_loads_its_glossary(wheel, tmp_path):
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                           "--target", str(site), str(wheel)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    code = (f"import sys; sys.path.insert(0, {str(site)!r})\n"
            "import translate\n"
            "from translate.glossary import load_glossary, shipped_glossary_path\n"
            "print(translate.__file__); print(shipped_glossary_path()); print(len(load_glossary()))")
    # Run outside the checkout so that neither it nor the editable install can supply `translate`.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    module, path, count = done.stdout.splitlines()
    assert Path(module) == site / "translate" / "__init__.py"
    assert Path(path) == site / IN_WHEEL
    assert int(count) == len(load_glossary(REPO / "glossaries" / SHIPPED_NAME)) > 50
    # Editing it in site-packages is refused (an upgrade would drop the edits), nothing written.
    before = (site / IN_WHEEL).read_bytes()
    code = (f"import sys; sys.path.insert(0, {str(site)!r})\n"
            "from translate.errors import BacktransError\n"
            "from translate.glossary.store import editing\n"
            "try:\n    with editing() as g: g.concepts.clear()\n"
            "except BacktransError as e: print(e)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "read-only" in done.stdout and "-g" in done.stdout
    assert (site / IN_WHEEL).read_bytes() == before


def test_checkout_and_editable_install_use_the_repository_glossary(tmp_path):
    assert Path(translate.__file__).resolve().parent == REPO / "translate"  # tests run on the checkout
    assert shipped_glossary_path() == REPO / "glossaries" / SHIPPED_NAME
    assert shipped_glossary_path().is_file()
    done = run_cli(["glossary", "validate"], cwd=tmp_path)  # the installed command, away from the tree
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{REPO / 'glossaries' / SHIPPED_NAME}: ")
