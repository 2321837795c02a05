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

    def units(self) -> "list[tuple[str | None, list[Segment]]]":
        """Segments grouped by alignment bead, each group with its bead's source text (None: no source)."""
        groups: dict[int, list[Segment]] = {}
        singles: list[tuple[str | None, list[Segment]]] = []
        for seg in self.segments:
            if seg.unit < 0:
                singles.append((seg.source, [seg]))
            else:
                groups.setdefault(seg.unit, []).append(seg)
        return singles + [(segs[0].source, segs) for segs in groups.values()]

    def segment(self, index: int) -> Segment | None:
        """The segment of index ``index`` (None if there is none)."""
        if 0 <= index < len(self.segments) and self.segments[index].index == index:
            return self.segments[index]
        return next((s for s in self.segments if s.index == index), None)


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


def locate(doc: CheckedDocument, seg: Segment, start: int = 0, end: int | None = None) -> Location:
    """The location of the span [start, end) of ``seg``'s text (its whole text by default)."""
    end = len(seg.text) if end is None else end
    return Location(str(doc.path), seg.line, seg.index, seg.column + start, seg.column + end)


@dataclass(frozen=True)
class CheckSettings:
    """The thresholds of the checks, which a QA profile may change."""

    min_words_for_detection: int = 4  # shorter segments (headings, names) do not tell a language
    detection_margin: float = 0.2  # the source language must lead the target language by this much
    allowed_doubled_words: tuple[str, ...] = ()  # words written twice on purpose ("had had"), any case


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
    ignored: list[Finding] = field(default_factory=list)  # findings an ignore list silenced (not in findings)

    def worst(self) -> Severity | None:
        """The highest severity among the findings (None when clean)."""
        return max((f.severity for f in self.findings), default=None)

    def fails(self, threshold: Severity) -> bool:
        """Whether a finding is at or above ``threshold``."""
        return any(f.severity >= threshold for f in self.findings)
