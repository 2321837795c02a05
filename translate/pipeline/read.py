"""Read: which files the user named, and each text file as a :class:`Document`.

:func:`expand_inputs` is the one input expansion every command uses: files as given, folders
searched (recursively) for the suffixes a command reads, glob patterns; a pattern that matches
nothing, a missing path or nothing at all to read is an InputError.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from translate.errors import FormatError, InputError
from translate.files import read_text

TEXT_SUFFIXES = frozenset({".txt"})


@dataclass(frozen=True)
class Segment:
    """One sentence of a document: paragraph index, index in the paragraph, text and span."""

    paragraph: int
    index: int
    text: str
    start: int  # character offset of ``text`` within its paragraph
    end: int


@dataclass
class Document:
    """A plain-text document: one paragraph per line (empty lines kept, so layout survives)."""

    path: Path
    lang: str | None
    paragraphs: list[str]
    segments: list[Segment] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The file name without its extension (outputs are named after it)."""
        return self.path.stem


def expand_inputs(items: Iterable[str | Path], suffixes: Collection[str] = TEXT_SUFFIXES, *,
                  allow_empty: bool = False) -> list[Path]:
    """Files, folders (their files with one of ``suffixes``, recursively, hidden ones skipped)
    and glob patterns → the files, in order, each once (the same file by two names counts once).
    No file at all is an InputError unless ``allow_empty``."""
    items = list(items)
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        elif path.exists():
            found.append(path)
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError("the pattern matches no file", item)
            found.extend(matches)
        else:
            raise InputError("no such file or folder", item)
    seen: set[str] = set()
    unique = []
    for p in found:
        real = os.path.realpath(p)
        if real not in seen:
            seen.add(real)
            unique.append(p)
    if not unique and not allow_empty:
        names = ", ".join(sorted(suffixes))
        raise InputError(f"no file to read ({names}) in {', '.join(map(str, items)) or 'no input'}")
    return unique


def read_document(path: Path | str, lang: str | None = None) -> Document:
    """Read a text document; its paragraphs are its lines, stripped of trailing space."""
    path = Path(path)
    text = read_text(path)
    if text.lstrip().startswith("<?xml"):
        raise FormatError("an XML document, not plain text (bilingual files: TMX, XLIFF, SDLXLIFF, MQXLIFF)", path, 1)
    paragraphs = [line.rstrip() for line in text.splitlines()]
    return Document(path=path, lang=lang, paragraphs=paragraphs)
