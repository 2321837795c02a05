"""The value a term recogniser returns: where a glossary concept occurs and how it was found."""

from __future__ import annotations

from dataclasses import asdict, dataclass

HOWS = ("exact", "inflected", "clitic", "folded", "fuzzy")


@dataclass(frozen=True)
class Match:
    """One occurrence of a glossary concept in a text.

    ``line`` is 1-based; ``start``/``end`` are character offsets within that line (end
    exclusive) and ``surface`` is the line's text between them. ``offset`` is ``start`` in
    the whole text. ``how``: exact (the term as written, case aside), inflected (a declined
    form), clitic (a clitic attached: Arabic و/ب/ال..., English 's), folded (differs only by
    diacritics or spelling normalisation), fuzzy (a suspected variant, with ``score`` < 1).
    """

    line: int
    start: int
    end: int
    surface: str
    concept: str
    term: str
    how: str
    en: str = ""
    vi: str = ""
    score: float = 1.0
    offset: int = 0

    def to_json(self) -> dict:
        """The CLI's JSON object (the contract: line, start, end, surface, concept, en, vi, match)."""
        data = asdict(self)
        data["match"] = data.pop("how")
        return data
