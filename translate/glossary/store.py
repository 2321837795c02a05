"""Glossary files: where the default one is, loading any format, atomic saves, locked edits."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from translate.errors import BacktransError, GlossaryError, UsageError
from translate.files import atomic_write_text, file_lock, remove_stale_temporaries
from translate.glossary.gloss import dump_gloss, parse_gloss
from translate.glossary.interchange import read_glossary
from translate.glossary.model import Glossary
from translate.glossary.validate import problem_keys, refuse_new_problems

ENV_VAR = "BACKTRANS_GLOSSARY"
SHIPPED_NAME = "vietnam-provinces.gloss"


def _installed_glossary_path() -> Path:
    """Where a wheel puts the shipped glossary (see pyproject.toml)."""
    return Path(__file__).resolve().parents[1] / "glossaries" / SHIPPED_NAME


def shipped_glossary_path() -> Path:
    """The shipped glossary: the repository's ``glossaries/`` in a checkout or an editable
    install, ``translate/glossaries/`` in an installed wheel (see pyproject.toml)."""
    installed = _installed_glossary_path()
    return installed if installed.is_file() else Path(__file__).resolve().parents[2] / "glossaries" / SHIPPED_NAME


def default_glossary_path() -> Path:
    """``$BACKTRANS_GLOSSARY`` when set, else the shipped glossary."""
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override) if override else shipped_glossary_path()


def load_glossary(path: Path | str | None = None, fmt: str | None = None) -> Glossary:
    """The glossary at ``path`` in any format (.gloss, TBX, CSV, TSV: ``fmt`` or the extension);
    None: ``default_glossary_path()``."""
    return read_glossary(Path(path) if path is not None else default_glossary_path(), fmt)


def glossary_text(glossary: Glossary, target: Path | str | None = None) -> str:
    """The ``.gloss`` text of ``glossary``, parsed back to be sure it reads.

    A value the format cannot hold (an id with a newline from a CSV cell, say) is an error
    naming ``target``, so nothing writes a glossary that no command could load again.
    """
    text = dump_gloss(glossary)
    try:
        parse_gloss(text, "<new text>")
    except BacktransError as e:
        raise GlossaryError(f"nothing written: the result would not read back ({e.message}, at line {e.line} "
                             "of the new text)", target) from None
    return text


def save_glossary(glossary: Glossary, path: Path | str | None = None) -> Path:
    """Write ``glossary`` atomically in the canonical ``.gloss`` layout; returns the path."""
    target = Path(path) if path is not None else glossary.path
    if target is None:
        raise UsageError("no path to save the glossary to")
    atomic_write_text(target, glossary_text(glossary, target))
    return target


@contextmanager
def editing(path: Path | str | None = None, *, create: bool = False, force: bool = False,
            tolerated: Glossary | None = None) -> Iterator[Glossary]:
    """Read-modify-write of a ``.gloss`` file under a lock: the glossary yielded is saved when the
    block succeeds and changed it, and the change brings no new validation problem
    (``translate.glossary.validate``: an en form with diacritics, a term another concept
    holds, ...) unless ``force``.

    Two editors running at once are serialised, so neither update is lost. ``create``
    starts from an empty glossary when the file does not exist yet. The glossary installed
    inside the package is refused: an upgrade would drop the edits. The problems ``tolerated``
    (a glossary being imported) has itself are not the edit's doing.
    """
    path = Path(path) if path is not None else default_glossary_path()
    if path.suffix.lower() != ".gloss":
        raise UsageError("only a .gloss glossary is edited in place: import this file into one "
                         "(backtrans glossary import FILE -g team.gloss)", path)
    if Path(os.path.realpath(path)) == _installed_glossary_path():
        # Inside site-packages: the next upgrade would silently drop the edits.
        raise GlossaryError(
            f"the glossary shipped inside the installed package is read-only: copy it (cp {path} team.gloss) "
            f"and edit the copy with -g team.gloss, or point ${ENV_VAR} at it", path)
    with file_lock(path):
        real = Path(os.path.realpath(path))
        remove_stale_temporaries(real.parent, real.name)  # of an editor killed while saving
        if create and not path.exists():
            glossary = Glossary(path=path, name=path.stem)
        else:
            glossary = load_glossary(path)
        before = dump_gloss(glossary)
        known = problem_keys(glossary, *([tolerated] if tolerated is not None else [])) if not force else set()
        yield glossary
        if dump_gloss(glossary) != before:
            if not force:
                refuse_new_problems(glossary, known, path)
            save_glossary(glossary, path)
