"""Reading and writing glossary files: the shipped default, atomic saves, locked updates."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from translate.errors import BacktransError, GlossaryError, OutputError, UsageError
from translate.files import atomic_write_text, decode_utf8, read_bytes
from translate.glossary.model import Glossary

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


def read_glossary_text(path: Path) -> str:
    """The text of a glossary file; a missing file or bad UTF-8 is a BacktransError."""
    return decode_utf8(read_bytes(path), path, advice="; save the file as UTF-8")


def load_glossary(path: Path | str | None = None) -> Glossary:
    """Load a ``.gloss`` glossary (None: ``default_glossary_path()``)."""
    from translate.formats.gloss import parse_gloss  # the format imports the model: import late

    path = Path(path) if path is not None else default_glossary_path()
    return parse_gloss(read_glossary_text(path), path)


def glossary_text(glossary: Glossary, target: Path | str | None = None) -> str:
    """The ``.gloss`` text of ``glossary``, parsed back to be sure it reads.

    A value the format cannot hold (an id with a newline from a CSV cell, say) is an error
    naming ``target``, so nothing writes a glossary that no command could load again.
    """
    from translate.formats.gloss import dump_gloss, parse_gloss

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
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``path`` (through ``.<name>.lock`` beside it)."""
    lock = path.parent / f".{path.name}.lock"
    if not path.parent.is_dir():
        raise OutputError(f"no such folder: {path.parent}", path)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise OutputError(f"cannot create lock file: {e.strerror}", lock) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def editing(path: Path | str | None = None, *, create: bool = False) -> Iterator[Glossary]:
    """Read-modify-write under a lock: the glossary yielded is saved when the block succeeds.

    Two editors running at once are serialised, so neither update is lost. ``create``
    starts from an empty glossary when the file does not exist yet.
    """
    path = Path(path) if path is not None else default_glossary_path()
    if path.resolve() == _installed_glossary_path():
        # Inside site-packages: the next upgrade would silently drop the edits.
        raise GlossaryError(
            f"the glossary shipped inside the installed package is read-only: copy it (cp {path} team.gloss) "
            f"and edit the copy with -g team.gloss, or point ${ENV_VAR} at it", path)
    with file_lock(path):
        if create and not path.exists():
            glossary = Glossary(path=path, name=path.stem)
        else:
            glossary = load_glossary(path)
        yield glossary
        save_glossary(glossary, path)
