"""Documents and their segments: the values that flow from reading to writing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from translate.files import read_text


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


def read_document(path: Path | str, lang: str | None = None) -> Document:
    """Read a text document; its paragraphs are its lines, stripped of trailing space."""
    path = Path(path)
    text = read_text(path)
    paragraphs = [line.rstrip() for line in text.splitlines()]
    return Document(path=path, lang=lang, paragraphs=paragraphs)
