"""Segments to score, from plain text (one segment a line) or bilingual TMX / XLIFF files.

A bilingual file gives its targets as the segments and its sources alongside, so a TMX or
XLIFF hypothesis also supplies the source for the term metrics.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from translate.files import read_text
from translate.errors import InputError

BILINGUAL_SUFFIXES = (".tmx", ".xlf", ".xliff")


@dataclass(frozen=True)
class Segments:
    """The segments of one file, with the source segments when the file is bilingual."""

    path: Path
    lines: list[str]
    sources: list[str] | None = None
    source_lang: str | None = None


def read_segments(path: Path | str) -> Segments:
    """Read ``path``: plain text lines, or the units of a ``.tmx``/``.xlf``/``.xliff`` file
    (target as the segment, source alongside; a unit without a target is a user error)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in BILINGUAL_SUFFIXES:
        return Segments(path, read_text(path).splitlines())
    if suffix == ".tmx":
        from translate.formats.tmx import read_tmx

        bilingual = read_tmx(path)
    else:
        from translate.formats.xliff import read_xliff

        bilingual = read_xliff(path)
    for unit in bilingual.units:
        if unit.target is None:
            raise InputError(f"unit {unit.id!r} has no target", path, unit.line)
    return Segments(
        path,
        [u.target or "" for u in bilingual.units],
        [u.source for u in bilingual.units],
        bilingual.source_lang.lower().replace("_", "-").split("-")[0] or None,
    )
