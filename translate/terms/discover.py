"""Discover Vietnamese personal names no glossary holds, and read them back into Vietnamese.

A name is a run of two to four capitalised words (any case in scripts without one) that starts
with a Vietnamese surname as the language writes and declines it ("Фам", "Фама", "Phạm",
"فام") and goes on with words that each read as one Vietnamese syllable. A declined word is
first taken back to the form its language module declines ("Туана" → "Туан": the module's
forms of "Туан" hold "Туана"), then read: a Latin-script word by its letters (diacritics kept
for vi, dropped for en), a Cyrillic or Arabic word through the inverse of the language's own
rendering of every Vietnamese syllable (``Language.render_vietnamese``), the commoner syllable
first where a rendering has several readings (``translate/data/vi_syllables.tsv``).

:class:`People` keeps one form per person over a document or a run: a name whose readings hold
a form already given to someone is that person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import product

from translate.glossary.model import Concept, Glossary, Status, Term, slug
from translate.langs import Language, get_language
from translate.langs.vi import SURNAMES, all_syllables, toneless
from translate.terms.match import How, Match
from translate.terms.recogniser import surname_forms
from translate.text import strip_vietnamese_diacritics

DISCOVERED_PREFIX = "discovered-"
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_MAX_WORDS = 4
_READINGS_KEPT = 3  # readings of one word tried when a run decides among a name's forms
_STEM_ADDS = ("", "ь", "й", "г", "к", "х", "t", "k", "g", "h", "c")  # what a declension may take off a stem's end


@lru_cache(maxsize=1)
def syllable_weights() -> dict[str, int]:
    """Every toneless Vietnamese syllable → how common it is in names (the shipped table; 1 for a
    syllable the spelling allows that the table has not seen)."""
    text = resources.files("translate.data").joinpath("vi_syllables.tsv").read_text(encoding="utf-8")
    weights = dict.fromkeys(all_syllables(), 1)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            syllable, weight = line.split("\t")
            weights[syllable] = int(weight)
    return weights


@lru_cache(maxsize=1)
def ascii_weights() -> dict[str, int]:
    """The syllables without diacritics (as Latin-script texts mostly write them) → their weight."""
    weights: dict[str, int] = {}
    for syllable, weight in syllable_weights().items():
        key = strip_vietnamese_diacritics(syllable)
        weights[key] = weights.get(key, 0) + weight
    return weights


@lru_cache(maxsize=1)
def _surname_syllables() -> frozenset[str]:
    return frozenset(t for s in SURNAMES if (t := toneless(s)) is not None)


@dataclass(frozen=True)
class Reading:
    """One way to read a word of a name: its toneless syllable, its spelling in a Latin-script
    text ("" in other scripts), and how common the syllable is."""

    syllable: str
    vi: str
    weight: int
    base: str  # the word undeclined, as the text's language writes the name ("Туан" for "Туана")

    @property
    def en(self) -> str:
        return strip_vietnamese_diacritics(self.syllable).capitalize()


class NameReader:
    """Reads the Vietnamese names of one language's texts; build it with ``for_language``."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.surnames = surname_forms(lang)
        self.latin = lang.script == "Latin"
        self.function_words = frozenset(lang.fold_term(w) for w in lang.detection.stop_words)
        self.index: dict[str, list[tuple[str, int]]] = {}  # folded rendering → (syllable, weight), commonest first
        if not self.latin:
            for syllable, weight in syllable_weights().items():
                for written in lang.render_vietnamese(syllable, place=False):
                    self.index.setdefault(lang.fold_term(written), []).append((syllable, weight))
            for readings in self.index.values():
                readings.sort(key=lambda r: -r[1])

    @staticmethod
    @lru_cache(maxsize=None)
    def for_language(code: str) -> NameReader:
        return NameReader(get_language(code))

    def _words(self, line: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of the line's words; words glued lower to upper case ("Б'єнДжерело") are two."""
        words = []
        for m in _WORD.finditer(line):
            word, start = m.group(), m.start()
            cuts = [i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()] \
                if self.lang.camel_boundary else []
            for a, b in zip([0, *cuts], [*cuts, len(word)]):
                words.append((start + a, start + b, word[a:b]))
        return words

    def find(self, line: str) -> list[tuple[int, int, list[list[Reading]]]]:
        """(start, end, readings of each word) of every name in one line."""
        words = self._words(line)
        found = []
        i = 0
        while i < len(words):
            run = self._name_at(line, words, i)
            if run is None:
                i += 1
                continue
            count, skip, readings = run
            found.append((words[i][0] + skip, words[i + count - 1][1], readings))
            i += count
        return found

    def _name_at(self, line: str, words: list[tuple[int, int, str]], i: int) -> tuple[int, int, list[list[Reading]]] | None:
        """(words, characters of a proclitic before the surname, readings) of a name at word ``i``."""
        first = words[i][2]
        skip, surname = self._surname(first)
        if not surname:
            return None
        readings = [surname]
        j = i + 1
        while j < len(words) and len(readings) < _MAX_WORDS and line[words[j - 1][1]:words[j][0]] == " ":
            word = words[j][2]
            if not self._capitalised(word):
                break
            read = self.readings(word)
            if not read:
                break
            readings.append(read)
            j += 1
        given = len(readings) - 1
        short = not self.lang.cased and len(self.lang.fold_term(first[skip:])) <= 2  # "لي", "هو" are also words
        if given < (2 if short else 1):
            return None
        return j - i, skip, readings

    def _capitalised(self, word: str) -> bool:
        return not self.lang.cased or word[:1].isupper()

    def _surname(self, word: str) -> tuple[int, list[Reading]]:
        """The readings of a word as a surname (none: it is not one), after the characters of a
        proclitic to skip (Arabic "ونغوين")."""
        if not self._capitalised(word):
            return 0, []
        k = 0
        folded = self.lang.fold_term(word)
        if folded not in self.surnames and not self.lang.cased:
            k = next((k for k in range(1, 3) if self.lang.prefix_ok(folded[:k]) and folded[k:] in self.surnames), 0)
        if folded[k:] not in self.surnames:
            return 0, []
        # As a surname, a reading that is one comes first ("فان" is Phan here, Văn after it).
        return k, sorted(self.readings(word[k:]), key=lambda r: r.syllable not in _surname_syllables())

    def readings(self, word: str) -> list[Reading]:
        """How ``word`` reads as one Vietnamese syllable, the likeliest first (none: it does not)."""
        if not self.lang.cased and (word.startswith("ال") or self.lang.fold_term(word) in self.function_words):
            return []  # the Arabic article, or a word of the language
        for base in _bases(self.lang.code, word):
            found = self._read(base)
            if found:
                return found
        return []

    def _read(self, word: str) -> list[Reading]:
        if self.latin:
            syllable = toneless(word)
            weight = ascii_weights().get(strip_vietnamese_diacritics(syllable)) if syllable is not None else None
            if syllable is None or weight is None:
                return []
            return [Reading(syllable, unicodedata.normalize("NFC", word), weight, word)]
        return [Reading(s, "", w, word) for s, w in self.index.get(self.lang.fold_term(word), [])[:_READINGS_KEPT]]


@lru_cache(maxsize=65536)
def _bases(code: str, word: str) -> tuple[str, ...]:
    """``word`` and the forms it may be a declension of (per the language's own name forms), the
    word itself first, then the shortest change."""
    found = [word]
    for cut in range(1, 4):
        if len(word) - cut < 2:
            break
        stem = word[:-cut]
        for add in _STEM_ADDS:
            base = stem + add
            if base != word and base not in found and _declines_to(code, base, word):
                found.append(base)
    return tuple(found)


@lru_cache(maxsize=65536)
def _declines_to(code: str, base: str, word: str) -> bool:
    lang = get_language(code)
    folded = lang.fold_term(word)
    return any(lang.fold_term(form) == folded for form, how in lang.forms(base, name=True) if how == "inflected")


@dataclass
class Person:
    """One discovered person: the form given, and how each language wrote them."""

    en: str
    vi: str
    forms: dict[str, list[str]] = field(default_factory=dict)  # language → surfaces, first seen first

    @property
    def id(self) -> str:
        return DISCOVERED_PREFIX + slug(self.en)

    def concept(self) -> Concept:
        terms = {lang: [Term(s, lang, Status.ADMITTED, note="discovered") for s in dict.fromkeys(surfaces)]
                 for lang, surfaces in self.forms.items() if lang not in ("en", "vi")}
        return Concept(self.id, "person", self.en, self.vi or self.en, terms, note="discovered: no glossary holds this name")


@dataclass
class People:
    """The persons discovered over a document or a run, one form each."""

    by_en: dict[str, Person] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.by_en)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.by_en.values())

    def person(self, lang: str, written: str, readings: list[list[Reading]]) -> Person:
        """The person a name with these readings is: one already met whose form it can read as,
        else a new one in its likeliest reading."""
        options = [" ".join(r.en for r in combo) for combo in product(*readings)]
        en = next((o for o in options if o in self.by_en), options[0])
        person = self.by_en.get(en)
        if person is None:
            person = self.by_en[en] = Person(en, "")
        spelt = " ".join(r[0].vi for r in readings)
        if not person.vi and en == options[0] and spelt != strip_vietnamese_diacritics(spelt):
            person.vi = spelt  # a Latin-script text wrote the name with its diacritics
        person.forms.setdefault(lang, []).append(written)
        return person

    def over(self, glossary: Glossary) -> Glossary:
        """``glossary`` with a concept for every person discovered (a new glossary, same base layer)."""
        if not self.by_en:
            return glossary
        concepts = list(glossary.concepts) + [p.concept() for p in self if p.id not in glossary]
        return Glossary(concepts, name=glossary.name, base=glossary.base,  # in memory: no path, not cached
                        aliases=dict(glossary.aliases))


@dataclass(frozen=True)
class NameCandidate:
    """A name :func:`name_candidates` found, before :class:`People` says who it is."""

    line: int
    start: int  # in its line
    end: int
    offset: int  # of ``start`` in the text
    surface: str
    readings: tuple[tuple[Reading, ...], ...]


def name_candidates(text: str, lang: str) -> list[NameCandidate]:
    """Every Vietnamese personal name of ``text`` as its language writes it, in text order; no
    state (the part of :func:`discover_names` that may run apart, e.g. in a Ray task)."""
    reader = NameReader.for_language(get_language(lang).code)
    found: list[NameCandidate] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        for start, end, readings in reader.find(line) if line else ():
            found.append(NameCandidate(number, start, end, offset + start, line[start:end],
                                       tuple(tuple(r) for r in readings)))
        offset += len(line) + 1
    return found


def discover_names(text: str, lang: str, known: list[Match], people: People | None = None,
                   candidates: list[NameCandidate] | None = None) -> list[Match]:
    """The Vietnamese personal names of ``text`` that no ``known`` match covers, as
    ``How.DISCOVERED`` matches (``term``: the name as the language writes it undeclined, ``en``
    read back into Vietnamese); ``people`` keeps one form per person across calls.
    ``candidates``: the text's :func:`name_candidates`, when found already."""
    people = people if people is not None else People()
    code = get_language(lang).code
    taken = [m.span for m in known]
    found: list[Match] = []
    for c in name_candidates(text, lang) if candidates is None else candidates:
        span = (c.offset, c.offset + c.end - c.start)
        if any(span[0] < e and s < span[1] for s, e in taken):
            continue
        readings = [list(r) for r in c.readings]
        base = " ".join(r[0].base for r in readings)
        person = people.person(code, base, readings)
        found.append(Match(line=c.line, start=c.start, end=c.end, surface=c.surface, concept=person.id,
                           term=base, how=How.DISCOVERED, en=person.en, vi=person.vi or person.en,
                           offset=span[0], kind="person", canonical=c.surface == base))
    return found
