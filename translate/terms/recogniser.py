"""Find every glossary concept in a text: an Aho-Corasick automaton over generated forms.

At compile time each term of the language is expanded by its language module into surface
forms (declensions, clitic-ready stems, spelling variants), folded (lower case, no
diacritics, language folds) and put in one automaton. At match time the text is folded the
same way with an offset map back to the original, scanned once, and every hit is checked
for word boundaries (allowing the language's clitics) before the longest matches win.
"""

from __future__ import annotations

import unicodedata
import weakref
from dataclasses import dataclass
from typing import Iterable

import ahocorasick

from translate.glossary.kinds import is_proper_name
from translate.glossary.model import Concept, Glossary, Status
from translate.langs import Language, get_language
from translate.terms.match import How, Match
from translate.text import Folded, comparable

_HOW_RANK = {How.EXACT: 0, How.FOLDED: 1, How.INFLECTED: 2, How.CLITIC: 3}


def is_name(concept: Concept) -> bool:
    """Whether the concept is a proper name (declined by rule, capitalised in cased scripts)."""
    return is_proper_name(concept.kind)


@dataclass(frozen=True)
class _Entry:
    concept: Concept
    term: str
    status: Status | None  # the term's status; None: the concept's en/vi spelling in another language
    how: How  # how the form was generated: exact, inflected or folded
    name: bool  # a name written with a capital: hits must start with one in cased scripts
    length: int  # length of the folded form


class Recogniser:
    """A compiled recogniser for one glossary and one language; build it with ``for_glossary``."""

    _cache: dict[tuple[int, str], tuple[weakref.ref, int, "Recogniser"]] = {}

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang: Language = get_language(lang)
        self.glossary = glossary
        self.automaton = ahocorasick.Automaton()
        self.size = 0
        table: dict[str, dict[str, _Entry]] = {}
        for concept in glossary:
            name = is_name(concept)
            for term, status, forms in self._forms(concept, name):
                for form, generated in forms:
                    how = How(generated)
                    key = self.lang.fold_term(form)
                    if not key:
                        continue
                    by_concept = table.setdefault(key, {})
                    old = by_concept.get(concept.id)
                    if old is None or _HOW_RANK[how] < _HOW_RANK[old.how]:
                        capital = name and term[:1].isupper()  # "rzeka Dao" need not be
                        by_concept[concept.id] = _Entry(concept, term, status, how, capital, len(key))
        for key, by_concept in table.items():
            self.automaton.add_word(key, tuple(by_concept.values()))
        self.size = len(table)
        if table:
            self.automaton.make_automaton()

    def _forms(self, concept: Concept, name: bool) -> Iterable[tuple[str, Status | None, list[tuple[str, str]]]]:
        """(term, its status, its generated forms) of each term of ``concept`` in the language."""
        lang = self.lang
        seen: set[str] = set()
        for term in concept.terms_in(lang.code):
            if term.text and term.text not in seen:
                seen.add(term.text)
                yield term.text, term.status, lang.forms(term.text, name=name)
        if name:  # a name may appear in its canonical Latin spelling in any language
            for canonical in (concept.en, concept.vi):
                if canonical and canonical not in seen:
                    seen.add(canonical)
                    latin = lang.script == "Latin"
                    yield canonical, None, lang.forms(canonical, name=True) if latin else [(canonical, "exact")]

    @classmethod
    def for_glossary(cls, glossary: Glossary, lang: str) -> "Recogniser":
        """The recogniser of (glossary, lang), compiled once and cached while the glossary lives.

        The cache notices concepts added or removed; after editing terms in place, build a
        new ``Recogniser(glossary, lang)``.
        """
        key = (id(glossary), lang)
        cached = cls._cache.get(key)
        if cached is not None:
            ref, count, recogniser = cached
            if ref() is glossary and count == len(glossary):
                return recogniser
        recogniser = cls(glossary, lang)
        cls._cache[key] = (weakref.ref(glossary), len(glossary), recogniser)
        return recogniser

    # --- matching ----------------------------------------------------------------------

    def find(self, text: str) -> list[Match]:
        """Every occurrence of a glossary concept in ``text``, in text order."""
        matches: list[Match] = []
        offset = 0
        for number, line in enumerate(text.split("\n"), start=1):
            if line:
                matches.extend(self.find_in_line(line, number, offset))
            offset += len(line) + 1
        return matches

    def find_in_line(self, line: str, number: int = 1, offset: int = 0) -> list[Match]:
        """Occurrences in one line (no newline inside); ``offset`` is the line's start in its text."""
        if self.size == 0:
            return []
        folded = self.lang.fold(line)
        hits = []
        for last, entries in self.automaton.iter(folded.text):
            length = entries[0].length
            start = last - length + 1
            end = last + 1
            clitic = self._boundaries(folded, start, end)
            if clitic is None:
                continue
            hits.append((start, end, clitic, entries))
        if not hits:
            return []
        # Longest first, then leftmost; keep what does not overlap something already kept.
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken: list[tuple[int, int]] = []
        result = []
        for start, end, clitic, entries in hits:
            if any(start < e and s < end for s, e in taken):
                continue
            o_start, o_end = folded.to_original(start, end)
            entry = self._choose(entries, line, o_start)
            if entry is None or self.lang.extends(entry.term, line[o_end:o_end + 40]):
                continue
            taken.append((start, end))
            surface = line[o_start:o_end]
            result.append(self._match(entry, surface, clitic, number, o_start, o_end, offset))
        result.sort(key=lambda m: m.start)
        return result

    def _boundaries(self, folded: Folded, start: int, end: int) -> bool | None:
        """None when [start, end) is not a whole word sequence, else whether a clitic is attached."""
        text = folded.text
        clitic = False
        if start > 0 and _is_word(text, start - 1):
            j = start
            while j > 0 and _is_word(text, j - 1):
                j -= 1
            if text[j:start] != "'" and self.lang.prefix_ok(text[j:start]):
                clitic = True
            elif not self._camel(folded, start):
                return None
        if end < len(text) and _is_word(text, end):
            for suffix in self.lang.suffix_clitics:
                stop = end + len(suffix)
                if text.startswith(suffix, end) and not (stop < len(text) and _is_word(text, stop)):
                    return True
            if not self._camel(folded, end):
                return None
        return clitic

    def _camel(self, folded: Folded, at: int) -> bool:
        """A glued boundary at folded offset ``at``: lower to upper case ("Б'єнДжерело"), letter/digit."""
        if not self.lang.camel_boundary or at == 0 or at >= len(folded.text):
            return False
        o_at, _ = folded.to_original(at, at + 1)
        _, o_before = folded.to_original(at - 1, at)
        original = folded.original
        before = original[o_before - 1]
        while o_before > 1 and unicodedata.category(before) == "Mn":
            o_before -= 1
            before = original[o_before - 1]
        after = original[o_at]
        return (before.islower() and after.isupper()) or (before.isalpha() != after.isalpha())

    @staticmethod
    def _choose(entries: tuple[_Entry, ...], line: str, o_start: int) -> _Entry | None:
        """The entry a hit stands for; names must start with a capital in cased scripts."""
        first = line[o_start]
        lower_case = first.islower()
        for entry in sorted(entries, key=lambda e: _HOW_RANK[e.how]):
            if entry.name and lower_case:
                continue
            return entry
        return None

    def _match(self, entry: _Entry, surface: str, clitic: bool, number: int,
               o_start: int, o_end: int, offset: int) -> Match:
        if clitic:
            how = How.CLITIC
        elif entry.how is not How.EXACT:
            how = entry.how
        elif _same(surface, entry.term):
            how = How.EXACT
        else:
            how = How.FOLDED
        concept = entry.concept
        return Match(line=number, start=o_start, end=o_end, surface=surface, concept=concept.id,
                     term=entry.term, how=how, en=concept.en, vi=concept.vi, offset=offset + o_start,
                     status=entry.status, canonical=surface == concept.canonical(self.lang.code))


def _is_word(text: str, i: int) -> bool:
    """Whether text[i] belongs to a word: a letter or digit, or an apostrophe between letters."""
    ch = text[i]
    if ch.isalnum():
        return True
    if ch == "'":
        return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    return False


def _same(surface: str, term: str) -> bool:
    return comparable(surface) == comparable(term)
