"""Segments to score, from plain text (one segment a line) or bilingual TMX / XLIFF files.

A bilingual file gives its targets as the segments and its sources alongside, so a TMX or
XLIFF hypothesis also supplies the source for the term metrics.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from translate.files import read_text
from translate.errors import InputError
from translate.formats.bilingual import is_bilingual, read_bilingual


@dataclass(frozen=True)
class Segments:
    """The segments of one file, with the source segments when the file is bilingual."""

    path: Path
    lines: list[str]
    sources: list[str] | None = None
    source_lang: str | None = None


def read_segments(path: Path | str, lang: str | None = None) -> Segments:
    """Read ``path``: plain text lines, or the units of a TMX/XLIFF file (its targets, in
    ``lang`` when given, as the segments, sources alongside; a unit without a target is an error)."""
    path = Path(path)
    if not is_bilingual(path):
        return Segments(path, read_text(path).splitlines())
    bilingual = read_bilingual(path, lang)
    for unit in bilingual.units:
        if unit.target is None:
            raise InputError(f"unit {unit.id!r} has no target", path, unit.line)
    return Segments(
        path,
        [u.target or "" for u in bilingual.units],
        [u.source for u in bilingual.units],
        bilingual.source_lang or None,
    )
