"""The concept-oriented glossary data model (as TBX: concept → language → term)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Iterator

from translate.errors import UsageError
from translate.langs import language_variant
from translate.text import comparable, strip_vietnamese_diacritics

# The languages whose canonical form is a field of the concept (every output is in one of them).
CANONICAL_LANGUAGES = ("en", "vi")


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
    generated: bool = False  # made by a language module's rendering of the name, not written by a person
    # As a termbase gives them (TBX partOfSpeech, termType, context), kept to be written back.
    part_of_speech: str = ""  # noun, verb, adjective, properNoun...
    term_type: str = ""  # fullForm, acronym, abbreviation, shortForm, variant, phrase...
    context: str = ""  # a sentence that shows the term in use
    # File bookkeeping, not part of the term's identity (equality ignores them).
    line: int = field(default=0, compare=False)
    comment: str = field(default="", compare=False)  # '#' lines written just before the term

    @property
    def key(self) -> tuple[str, str]:
        """What makes two terms the same term: the language and the text, case and spacing aside."""
        return self.lang, comparable(self.text)


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
    parent: str = ""  # the id of the unit a place belongs to (a commune's district or province)
    structure: str = ""  # for administrative units: "pre-2025", "2025" or both, the structures it is in
    subject_field: str = ""  # a termbase's domain (TBX subjectField: "Law", "Public administration")
    # File bookkeeping, not part of the concept's identity (equality ignores them).
    line: int = field(default=0, compare=False)  # line of the concept header (0: not from a file)
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # field name → line
    comment: str = field(default="", compare=False)  # '#' lines written just before the concept
    field_comments: dict[str, str] = field(default_factory=dict, compare=False)

    def terms_in(self, lang: str) -> list[Term]:
        """All terms of this concept in ``lang`` (canonical en/vi first when not listed)."""
        listed = list(self.terms.get(lang, []))
        canonical = self.canonical(lang) if lang in CANONICAL_LANGUAGES else ""
        if canonical and all(t.text != canonical for t in listed):
            listed.insert(0, Term(canonical, lang, Status.PREFERRED))
        return listed

    def status_of(self, text: str, lang: str) -> Status | None:
        """The status of the term ``text`` in ``lang`` (None: not one of this concept's terms)."""
        return next((t.status for t in self.terms_in(lang) if t.text == text), None)

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
        """Every language the concept has a form in (en and vi always)."""
        return sorted(set(self.terms) | set(CANONICAL_LANGUAGES))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready record (what ``glossary list --format json`` prints)."""
        def term(t: Term) -> dict[str, str]:
            record = {"text": t.text, "status": t.status.value, "note": t.note, "source": t.source}
            extra = {"part_of_speech": t.part_of_speech, "term_type": t.term_type, "context": t.context}
            return record | {k: v for k, v in extra.items() if v}  # a termbase's fields, when it gave them

        subject = {"subject_field": self.subject_field} if self.subject_field else {}
        return {
            "id": self.id, "kind": self.kind, "en": self.en, "vi": self.vi, "note": self.note,
            "parent": self.parent, "structure": self.structure, **subject,
            "terms": {lang: [term(t) for t in terms] for lang, terms in self.terms.items()},
            "line": self.line,
        }


@dataclass
class Glossary:
    """An ordered set of concepts with look-up by id, over an optional base layer.

    Iterating, ``len`` and ``concepts`` are this layer's own concepts (what its file holds); the
    ``base`` layer (the gazetteer, see ``translate.glossary.layers``) is searched by ``get`` and
    by the recogniser, and ``aliases`` names the base concepts a concept of this layer stands
    for (the same place: curated entries win).
    """

    concepts: list[Concept] = field(default_factory=list)
    path: Path | None = None
    name: str = ""
    header: str = field(default="", compare=False)  # comment block at the top of the file
    trailer: str = field(default="", compare=False)  # comment block after the last concept
    base: Glossary | None = field(default=None, compare=False, repr=False)
    aliases: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # base id → own id

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the look-up by id after ``concepts`` was changed in place (a rename, a merge)."""
        self._by_id: dict[str, Concept] = {}
        for c in self.concepts:
            self._by_id.setdefault(c.id, c)  # first one wins, as in add(); validate() reports the rest

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._by_id

    def get(self, concept_id: str) -> Concept | None:
        """The concept with this id, in this layer or the base (None when neither has it)."""
        own = self._by_id.get(self.aliases.get(concept_id, concept_id))
        if own is not None or self.base is None:
            return own
        return self.base.get(concept_id)

    def add(self, concept: Concept) -> None:
        """Append ``concept`` (a duplicate id is kept for validate() to report)."""
        self.concepts.append(concept)
        self._by_id.setdefault(concept.id, concept)

    def remove(self, concept_id: str) -> Concept | None:
        """Remove and return the concept with this id (None when absent)."""
        concept = self._by_id.pop(concept_id, None)
        if concept is not None:
            self.concepts = [c for c in self.concepts if c.id != concept_id]
        return concept

    def replace(self, concept: Concept) -> None:
        """Put ``concept`` in place of the concept with the same id (appended when new)."""
        for i, c in enumerate(self.concepts):
            if c.id == concept.id:
                self.concepts[i] = concept
                self._by_id[concept.id] = concept
                return
        self.add(concept)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def check_id(concept_id: str) -> str:
    """``concept_id`` when it is a readable slug (lower case, digits, single hyphens)."""
    if not _ID.match(concept_id):
        raise UsageError(f"id {concept_id!r} must be a slug such as 'hai-duong' (a-z, 0-9, '-')")
    return concept_id


def slug(text: str) -> str:
    """A concept id made from a name: "Hải Dương" → "hai-duong" ('' when nothing is left)."""
    ascii_only = strip_vietnamese_diacritics(text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")


def add_variant_term(terms: dict[str, list[Term]], given: dict[tuple[str, str], str], term: Term, tag: str) -> None:
    """Append ``term`` to ``terms`` (by language) unless another variant of its language gave
    the same term first: importers merge en-US and en-GB into en, the first one's status and
    note standing. ``tag`` is the variant as the file names it; ``given`` maps each term's
    key to the variant that gave it, over one concept."""
    variant = language_variant(tag)
    if given.setdefault(term.key, variant) == variant:
        terms.setdefault(term.lang, []).append(term)
