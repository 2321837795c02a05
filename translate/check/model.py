"""The values of a consistency check: the documents checked, findings, concept usage, the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from translate.formats.units import InlineCode


class Severity(IntEnum):
    """How bad a finding is; ``--fail-on`` compares against it."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]


@dataclass(frozen=True)
class Segment:
    """One target segment: a sentence of a text file, or the target of a TMX/XLIFF unit.

    ``line`` is 1-based in the file; ``column`` is where ``text`` starts in that line (0 for
    TMX/XLIFF, whose spans are within the segment text). ``source`` is the aligned source
    text (None when there is no source); ``unit`` groups the segments of one alignment bead.
    A TMX/XLIFF unit's segment also carries the unit's id and the inline codes of its target
    (``codes``) and source (``source_codes``), at offsets in ``text`` and ``source``.
    """

    index: int
    line: int
    column: int
    text: str
    source: str | None = None
    source_line: int = 0
    unit: int = -1
    unit_id: str = ""
    codes: tuple[InlineCode, ...] = ()
    source_codes: tuple[InlineCode, ...] = ()


@dataclass
class CheckedDocument:
    """A target document (and its source, when bilingual) as segments ready for the checks."""

    path: Path
    lang: str
    segments: list[Segment]
    source_lang: str | None = None
    source_path: Path | None = None
    region: str | None = None  # of the target's language tag (ar-MA: "MA"), for how numbers are written

    @property
    def locale(self) -> str:
        """The target's language tag with its region ("ar-MA"), as numbers are read in."""
        return f"{self.lang}-{self.region}" if self.region else self.lang

    @property
    def bilingual(self) -> bool:
        return any(s.source is not None for s in self.segments)


@dataclass(frozen=True)
class Location:
    """Where a finding is: file, 1-based line, segment index, character span [start, end).

    For text files the span is in the line; for TMX/XLIFF (``line`` = the unit's line) it is
    in the segment text.
    """

    file: str
    line: int
    segment: int
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One problem: which check, how severe, where, what, and the text that shows it."""

    check: str
    severity: Severity
    location: Location
    message: str
    evidence: str
    concept: str = ""  # the glossary concept concerned, if any
    suggestion: str = ""  # what to write instead, if known


@dataclass(frozen=True)
class Place:
    """One occurrence of a rendering: where, and the surface form written there."""

    location: Location
    surface: str


@dataclass
class Rendering:
    """One rendering (glossary term, through inflection) of a concept and its occurrences."""

    term: str
    status: str  # preferred, admitted, deprecated, canonical (en/vi form) or unknown (fuzzy)
    places: list[Place] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.places)


@dataclass
class ConceptUsage:
    """How one concept is rendered across the checked documents."""

    concept: str
    en: str
    vi: str
    renderings: list[Rendering] = field(default_factory=list)


@dataclass
class Report:
    """Everything a check run found, ready for any renderer."""

    documents: list[CheckedDocument]
    findings: list[Finding]
    concepts: list[ConceptUsage]
    lang: str
    checks: list[str]
    warnings: list[str] = field(default_factory=list)  # e.g. a document that does not read as --lang

    def worst(self) -> Severity | None:
        """The highest severity among the findings (None when clean)."""
        return max((f.severity for f in self.findings), default=None)

    def fails(self, threshold: Severity) -> bool:
        """Whether a finding is at or above ``threshold``."""
        return any(f.severity >= threshold for f in self.findings)
