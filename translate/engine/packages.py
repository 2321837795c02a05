"""Argos Translate model packages: find, install, download, remove, and route a language pair.

Packages live where Argos Translate keeps them (``$ARGOS_PACKAGES_DIR``, else
``$XDG_DATA_HOME/argos-translate/packages``), so models installed with ``argospm`` and
with ``backtrans models`` are the same models. backtrans' copy test models live apart
(``test_packages_dir()``), are marked as such in their metadata, and a route takes one only
where no real model serves the pair.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from translate.errors import BacktransError, InputError, ModelError

PACKAGE_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
PIVOT = "en"


@dataclass(frozen=True)
class ModelPackage:
    """An installed Argos Translate package (a directory with metadata.json and model/)."""

    path: Path
    from_code: str
    to_code: str
    version: str = ""
    description: str = ""
    target_prefix: str = ""
    test: bool = False  # backtrans' copy test model: it returns its input, it does not translate

    @property
    def name(self) -> str:
        """The package folder's name."""
        return self.path.name

    @property
    def model_dir(self) -> Path:
        """The CTranslate2 model folder."""
        return self.path / "model"

    @property
    def tokenizer_path(self) -> Path:
        """The SentencePiece model, or the BPE codes of older packages."""
        sp = self.path / "sentencepiece.model"
        return sp if sp.exists() else self.path / "bpe.model"

    @property
    def label(self) -> str:
        """"uk→en NAME VERSION", as the CLI prints it."""
        return f"{self.from_code}→{self.to_code} {self.name} {self.version}".rstrip()


TEST_MODELS_ENV = "BACKTRANS_TEST_MODELS"


def test_packages_dir() -> Path:
    """Where ``models build-test`` installs the copy test models: ``$BACKTRANS_TEST_MODELS``, else
    ``test-models/packages`` in backtrans' cache; never where Argos and argospm look."""
    explicit = os.environ.get(TEST_MODELS_ENV)
    if explicit:
        return Path(explicit)
    root = os.environ.get("BACKTRANS_CACHE")
    return (Path(root) if root else Path.home() / ".cache" / "backtrans") / "test-models" / "packages"


def packages_dir() -> Path:
    """The directory Argos Translate installs packages into."""
    explicit = os.environ.get("ARGOS_PACKAGES_DIR")
    if explicit:
        return Path(explicit)
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "argos-translate" / "packages"


def read_package(path: Path) -> ModelPackage:
    """Read and check one installed package directory."""
    meta_path = path / "metadata.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError("not an Argos package: no metadata.json", path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        line = getattr(e, "lineno", None)
        raise ModelError(f"corrupt metadata.json: {e}", meta_path, line) from None
    except OSError as e:
        raise ModelError(f"cannot read metadata.json: {e.strerror}", meta_path) from None
    if not isinstance(meta, dict):
        raise ModelError("corrupt metadata.json: not a JSON object", meta_path, 1)
    if meta.get("type", "translate") != "translate":
        raise ModelError(f"not a translation package (type {meta.get('type')!r})", path)
    if not meta.get("from_code") or not meta.get("to_code"):
        raise ModelError("metadata.json lacks from_code/to_code", meta_path)
    package = ModelPackage(
        path=path,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        version=str(meta.get("package_version", "")),
        description=str(meta.get("description") or meta.get("from_name", "")),
        target_prefix=str(meta.get("target_prefix", "")),
        test="backtrans_test_model" in meta,
    )
    if not (package.model_dir / "model.bin").is_file():
        raise ModelError("package has no model/model.bin", path)
    if not package.tokenizer_path.is_file():
        raise ModelError("package has no sentencepiece.model (or bpe.model)", path)
    return package


def installed_packages(directory: Path | None = None) -> list[ModelPackage]:
    """All translation packages installed in ``directory``; by default those in Argos' packages
    folder, then the test models in theirs."""
    if directory is None:
        return _installed(packages_dir()) + [p for p in _installed(test_packages_dir()) if p.test]
    return _installed(directory)


def _installed(directory: Path) -> list[ModelPackage]:
    if not directory.is_dir():
        return []
    found = []
    for path in sorted(directory.iterdir()):
        if path.is_dir() and not path.name.startswith(".") and (path / "metadata.json").exists():
            try:
                found.append(read_package(path))
            except BacktransError:
                continue  # other Argos package types (sbd) or broken ones are not ours to list
    return found


def install_package(archive: Path | str, directory: Path | None = None) -> ModelPackage:
    """Install an ``.argosmodel`` file (a zip of one package folder); replaces the same package."""
    archive = Path(archive)
    directory = directory or packages_dir()
    if archive.is_dir():
        raise InputError("is a directory, not an .argosmodel file", archive)
    if not archive.is_file():
        raise InputError("no such model file", archive)
    if not zipfile.is_zipfile(archive):
        raise ModelError("not an .argosmodel (zip) file", archive)
    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=directory))
    try:
        try:
            with zipfile.ZipFile(archive) as zf:
                bad = zf.testzip()
                if bad is not None:
                    raise ModelError(f"corrupt archive member {bad}", archive)
                tops = {Path(n).parts[0] for n in zf.namelist() if Path(n).parts}
                if len(tops) != 1 or any(".." in Path(n).parts or n.startswith("/") for n in zf.namelist()):
                    raise ModelError("an .argosmodel must hold exactly one package folder", archive)
                zf.extractall(staging)
        except zipfile.BadZipFile as e:
            raise ModelError(f"corrupt archive: {e}", archive) from None
        (top,) = tops
        try:
            read_package(staging / top)  # checked before it replaces an installed one
        except BacktransError as e:
            raise e.at(archive) from None
        target = directory / top
        if target.exists():
            old = directory / f".old-{top}"
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            (staging / top).rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            (staging / top).rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_package(target)


def remove_package(from_code: str, to_code: str, directory: Path | None = None) -> list[ModelPackage]:
    """Remove every installed package for the pair; an error when there is none."""
    removed = [p for p in installed_packages(directory) if (p.from_code, p.to_code) == (from_code, to_code)]
    if not removed:
        raise ModelError(f"no installed model for {from_code}→{to_code}")
    for package in removed:
        shutil.rmtree(package.path)
    return removed


def download_package(
    from_code: str,
    to_code: str,
    directory: Path | None = None,
    index_url: str | None = None,
    timeout: float = 15.0,
) -> ModelPackage:
    """Download the pair's package from the Argos package index and install it."""
    index_url = index_url or os.environ.get("BACKTRANS_PACKAGE_INDEX", PACKAGE_INDEX_URL)
    index = _read_index(_fetch(index_url, timeout, what="the Argos package index"), index_url)
    candidates = [
        m for m in index
        if m.get("type", "translate") == "translate" and (m.get("from_code"), m.get("to_code")) == (from_code, to_code)
    ]
    if not candidates:
        raise ModelError(f"the Argos package index has no model for {from_code}→{to_code}")
    meta = max(candidates, key=lambda m: _version_key(str(m.get("package_version", "0"))))
    data = None
    failure = "the index lists no links"
    for link in meta.get("links", []):
        try:
            data = _fetch(link, timeout, what="the model")
            break
        except BacktransError as e:
            failure = f"{link}: {e.message}"
    if data is None:
        raise ModelError(f"could not download the {from_code}→{to_code} model ({failure})")
    with tempfile.NamedTemporaryFile(suffix=".argosmodel") as tmp:
        tmp.write(data)
        tmp.flush()
        return install_package(Path(tmp.name), directory)


def _read_index(data: bytes, url: str) -> list[dict]:
    """The package entries of an Argos index (a JSON array of objects); anything else is an error."""
    try:
        index = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ModelError(f"the package index is not JSON: {e}", url, getattr(e, "lineno", None)) from None
    if not isinstance(index, list) or not all(isinstance(m, dict) for m in index):
        raise ModelError("the package index is not a JSON array of packages", url)
    return index


def _fetch(url: str, timeout: float, what: str) -> bytes:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "backtrans"}), timeout=timeout) as r:
            return r.read()
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        raise ModelError(
            f"cannot reach {what} ({reason}). Offline? Download the .argosmodel file on a "
            "connected machine (Argos Translate package index) and run: backtrans models install FILE.argosmodel"
        ) from None


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def find_route(from_code: str, to_code: str, packages: list[ModelPackage]) -> list[ModelPackage]:
    """The packages that take ``from_code`` to ``to_code``: direct, else pivoting through English.

    A real model always wins over a test model: per pair, and between a direct route and one
    through English (the route with fewer test models, then the shorter)."""
    by_pair: dict[tuple[str, str], ModelPackage] = {}
    for p in packages:
        known = by_pair.get((p.from_code, p.to_code))
        if known is None or known.test and not p.test:
            by_pair[p.from_code, p.to_code] = p
    routes = []
    if (from_code, to_code) in by_pair:
        routes.append([by_pair[from_code, to_code]])
    first, second = by_pair.get((from_code, PIVOT)), by_pair.get((PIVOT, to_code))
    if first and second:
        routes.append([first, second])
    if routes:
        return min(routes, key=lambda r: (sum(p.test for p in r), len(r)))
    have = ", ".join(sorted(f"{a}→{b}" for a, b in by_pair)) or "none"
    raise ModelError(
        f"no model for {from_code}→{to_code} (directly or through {PIVOT}); installed: {have}. "
        f"Install one with: backtrans models download {from_code} {to_code}  (or models install FILE)"
    )


def test_model_notice(packages: list[ModelPackage]) -> str:
    """One line naming the copy test models among ``packages`` ("" when there is none)."""
    tests = sorted({f"{p.from_code}→{p.to_code}" for p in packages if p.test})
    if not tests:
        return ""
    return (f"note: {', '.join(tests)} used backtrans' copy test model, which returns its input: "
            "these outputs are not translations (install a real model: backtrans models download FROM TO)")
