"""The one value every term search returns: where a glossary concept occurs and how it was found."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Iterable

import orjson

from translate.glossary.model import Status


class How(str, Enum):
    """How a match was found (its text value is what the JSON outputs say)."""

    EXACT = "exact"  # the term as written, case aside
    FOLDED = "folded"  # differs only by diacritics or spelling normalisation
    INFLECTED = "inflected"  # a declined or plural form
    CLITIC = "clitic"  # a clitic attached: Arabic و/ب/ال..., Indonesian -nya, English 's
    FUZZY = "fuzzy"  # a suspected new spelling of a name, with a score below 1: not a listed term
    DISCOVERED = "discovered"  # a Vietnamese personal name no glossary holds (translate.terms.discover)

    def __str__(self) -> str:
        return self.value


HOWS = tuple(h.value for h in How)


@dataclass(slots=True)
class Match:
    """One occurrence of a glossary concept in a text.

    ``line`` is 1-based; ``start``/``end`` are character offsets within that line (end
    exclusive) and ``surface`` is the line's text between them. ``offset`` is ``start`` in
    the whole text. ``term`` is the glossary term the surface is a form of, ``status`` that
    term's status (None: the concept's en or vi spelling written in another language, or a
    fuzzy suspect), ``canonical`` whether the surface is exactly the concept's canonical form
    in the text's language (what a translation must write).
    """

    line: int
    start: int
    end: int
    surface: str
    concept: str
    term: str
    how: How
    en: str = ""
    vi: str = ""
    score: float = 1.0
    offset: int = 0
    status: Status | None = None
    canonical: bool = False
    kind: str = ""  # the concept's kind (place, person, province, commune, ...)
    province: str = ""  # for an administrative unit below a province: its province's en form
    candidates: tuple[str, ...] = ()  # when the name is several units' and nothing decided: all their ids

    @property
    def span(self) -> tuple[int, int]:
        """[start, end) in the whole text."""
        return self.offset, self.offset + (self.end - self.start)

    @property
    def deprecated(self) -> bool:
        """Whether the surface is a form of a deprecated term."""
        return self.status is Status.DEPRECATED

    def shifted(self, by: int) -> Match:
        """The same match in a text that has ``by`` more characters before it (one-line texts)."""
        return replace(self, start=self.start + by, end=self.end + by, offset=self.offset + by)

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON object (line, start, end, surface, concept, term, en, vi, match, score,
        offset, status, canonical, kind, province, ambiguous: the candidate ids or null)."""
        return {  # written out rather than dataclasses.asdict: a large text has a million matches
            "line": self.line, "start": self.start, "end": self.end, "surface": self.surface,
            # a discovered name has no glossary concept: ``en`` is the name read back into Vietnamese
            "concept": None if self.how is How.DISCOVERED else self.concept,
            "term": self.term, "en": self.en, "vi": self.vi, "score": self.score, "offset": self.offset,
            # ``_value_``: the enum's value without the ``value`` property's cost (a million matches)
            "status": self.status._value_ if self.status is not None else None, "canonical": self.canonical,
            "kind": self.kind, "province": self.province, "ambiguous": list(self.candidates) or None,
            "match": self.how._value_,
        }


def matches_json(matches: Iterable[Match]) -> str:
    """``backtrans terms find --format json``: a JSON array of ``Match.to_json`` objects, one per line
    (orjson: four times the standard library's speed, the better part of the command's time otherwise)."""
    rows = b",\n".join(orjson.dumps(m.to_json()) for m in matches).decode()
    return f"[\n{rows}\n]" if rows else "[]"


def in_text_order(matches: list[Match]) -> list[Match]:
    """``matches`` of one text sorted as they occur (by offset, then end)."""
    return sorted(matches, key=lambda m: (m.offset, m.end))
