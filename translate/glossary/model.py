"""The concept-oriented glossary data model (as TBX: concept → language → term)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterator


class Status(str, Enum):
    """TBX administrativeStatus of a term."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"


@dataclass(frozen=True)
class Term:
    """One rendering of a concept in one language."""

    text: str
    lang: str
    status: Status = Status.PREFERRED
    note: str = ""
    source: str = ""


@dataclass
class Concept:
    """A name or party term with its canonical en/vi forms and its terms by language.

    ``en`` and ``vi`` are the canonical forms every output uses; ``terms`` holds the
    renderings met in each language, the canonical ones included for en and vi.
    """

    id: str
    kind: str
    en: str
    vi: str
    terms: dict[str, list[Term]] = field(default_factory=dict)
    note: str = ""
    line: int = 0  # line where the concept starts in its file (0: not from a file)

    def terms_in(self, lang: str) -> list[Term]:
        """All terms of this concept in ``lang`` (canonical en/vi first when not listed)."""
        listed = list(self.terms.get(lang, []))
        canonical = self.canonical(lang) if lang in ("en", "vi") else ""
        if canonical and all(t.text != canonical for t in listed):
            listed.insert(0, Term(canonical, lang, Status.PREFERRED))
        return listed

    def canonical(self, lang: str) -> str:
        """The form every output in ``lang`` must use: en/vi canonical, else the preferred term."""
        if lang == "en":
            return self.en
        if lang == "vi":
            return self.vi
        for term in self.terms.get(lang, []):
            if term.status is Status.PREFERRED:
                return term.text
        return ""

    @property
    def languages(self) -> list[str]:
        return sorted(set(self.terms) | {"en", "vi"})


@dataclass
class Glossary:
    """An ordered set of concepts with look-up by id."""

    concepts: list[Concept] = field(default_factory=list)
    path: Path | None = None
    name: str = ""

    def __post_init__(self) -> None:
        self._by_id = {c.id: c for c in self.concepts}

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._by_id

    def get(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)

    def add(self, concept: Concept) -> None:
        self.concepts.append(concept)
        self._by_id.setdefault(concept.id, concept)

    def remove(self, concept_id: str) -> Concept | None:
        concept = self._by_id.pop(concept_id, None)
        if concept is not None:
            self.concepts = [c for c in self.concepts if c.id != concept_id]
        return concept
