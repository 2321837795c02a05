"""Merging two glossaries: union of concepts and terms, conflicts reported and never resolved."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from translate.glossary.model import CANONICAL_LANGUAGES, Glossary


@dataclass(frozen=True)
class Conflict:
    """Something the two glossaries disagree on; ``line_a``/``line_b`` point into each file."""

    concept: str
    message: str
    path_a: Path | None = None
    line_a: int = 0
    path_b: Path | None = None
    line_b: int = 0

    def __str__(self) -> str:
        return f"{self.path_b}:{self.line_b}: {self.concept}: {self.message} (vs {self.path_a}:{self.line_a})"


@dataclass
class MergeResult:
    """The merged glossary (meaningful only when ``conflicts`` is empty)."""

    glossary: Glossary
    conflicts: list[Conflict] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # ids taken from b
    extended: list[str] = field(default_factory=list)  # ids of a that gained terms from b
    shared: list[str] = field(default_factory=list)  # terms b itself gives two of its concepts, as notes


def merge_glossaries(a: Glossary, b: Glossary) -> MergeResult:
    """``a`` plus what ``b`` adds: new concepts appended, new terms of shared concepts appended.

    Conflicts: the same id with a different kind, en or vi; the same term with a different
    status, note or source; one term (lang + text, case-insensitive) under two concepts.
    """
    merged = Glossary([replace(c, terms={k: list(v) for k, v in c.terms.items()}) for c in a.concepts],
                      path=a.path, name=a.name, header=a.header, trailer=a.trailer)
    result = MergeResult(merged)
    owner: dict[tuple[str, str], tuple[str, int, bool]] = {}  # term key → (concept, line, from b)
    for c in a.concepts:
        for lang in c.languages:
            for t in c.terms_in(lang):
                owner.setdefault(t.key, (c.id, t.line or c.line, False))

    def conflict(concept: str, message: str, line_a: int, line_b: int) -> None:
        result.conflicts.append(Conflict(concept, message, a.path, line_a, b.path, line_b))

    for cb in b.concepts:
        ca = merged.get(cb.id)
        if ca is not None:
            for name in ("kind", "en", "vi"):
                va, vb = getattr(ca, name), getattr(cb, name)
                if va != vb:
                    conflict(cb.id, f"{name} differs: {va!r} vs {vb!r}", ca.lines.get(name, ca.line),
                             cb.lines.get(name, cb.line))
        gained = False
        for lang in cb.languages:
            for tb in cb.terms_in(lang):
                key = tb.key
                holder = owner.get(key)
                if holder is not None and holder[0] != cb.id and holder[2]:
                    # b gives the term to two of its own concepts (a termbase's homonym): kept, said
                    result.shared.append(f"{b.path}:{tb.line or cb.line}: {lang} term {tb.text!r} is in "
                                         f"{holder[0]!r} (line {holder[1]}) and {cb.id!r}")
                elif holder is not None and holder[0] != cb.id:
                    conflict(cb.id, f"{lang} term {tb.text!r} belongs to concept {holder[0]!r} in the other glossary",
                             holder[1], tb.line or cb.line)
                    continue
                if ca is None or lang not in cb.terms or tb not in cb.terms[lang]:
                    continue
                same = [t for t in ca.terms.get(lang, []) if t.key == key]
                if not same:
                    if not (lang in CANONICAL_LANGUAGES and tb.text == ca.canonical(lang) and tb.status.value == "preferred"):
                        ca.terms.setdefault(lang, []).append(tb)
                        gained = True
                elif same[0] != tb:
                    conflict(cb.id, f"{lang} term {tb.text!r} differs (status, note or source)",
                             same[0].line or ca.line, tb.line or cb.line)
        if ca is None:
            merged.add(replace(cb, terms={k: list(v) for k, v in cb.terms.items()}))
            result.added.append(cb.id)
            for lang in cb.languages:
                for t in cb.terms_in(lang):
                    owner.setdefault(t.key, (cb.id, t.line or cb.line, True))
        elif gained:
            result.extended.append(cb.id)
    return result
