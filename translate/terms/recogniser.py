"""Find every glossary concept in a text: an Aho-Corasick automaton over generated forms.

At compile time each term of the language is expanded by its language module into surface
forms (declensions, clitic-ready stems, spelling variants), folded (lower case, no
diacritics, language folds) and put in one automaton. At match time the text is folded the
same way with an offset map back to the original, scanned once, and every hit is checked
for word boundaries (allowing the language's clitics) before the longest matches win.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
import unicodedata
import weakref
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, Iterable

import ahocorasick

from translate.errors import BacktransError
from translate.files import atomic_write_bytes
from translate.glossary.kinds import UNIT_KINDS, is_proper_name
from translate.glossary.model import Concept, Glossary, Status
from translate.langs import Language, get_language
from translate.langs.vi import SURNAMES
from translate.terms.match import How, Match
from translate.text import (
    Folded,
    FoldTable,
    comparable,
    fold_plain,
    fold_words,
    strip_vietnamese_diacritics,
    word_table,
)

_HOW_RANK = {How.EXACT: 0, How.FOLDED: 1, How.INFLECTED: 2, How.CLITIC: 3}
_HOW = {h.value: h for h in How}


_WORD = re.compile(r"[^\W\d_]+")
# Units named in texts mostly with their unit word beside them: the communes, wards, townships
# and special zones of the gazetteer; also any unit whose name is a single syllable ("An").
_CONTEXT_KINDS = frozenset({"commune", "ward", "township", "special-zone"})


_LEVEL = {"commune": 2, "ward": 2, "township": 2, "special-zone": 2, "district": 1, "town": 1}


def level(concept: Concept) -> int:
    """0 for a province (or any concept not a unit), 1 for a district or town, 2 for a commune."""
    if concept.kind == "city":
        return 1 if concept.parent else 0  # a city of a province, or a city that is one
    return _LEVEL.get(concept.kind, 0)


def province_of(glossary: Glossary, concept: Concept) -> str:
    """The en form of the province an administrative unit lies in ("" for a province, or not a unit)."""
    top, steps = concept, 0
    while top.parent and steps < 4:
        parent = glossary.get(top.parent)
        if parent is None:
            break
        top, steps = parent, steps + 1
    return top.en if top is not concept else ""


def shared_canonical(concepts: Iterable[Concept], lang: str) -> str:
    """The canonical ``lang`` form that units of one name share: theirs when they agree, else word
    by word, a word they write with different diacritics written without ("" when they differ more)."""
    forms = [c.canonical(lang) for c in concepts]
    if not forms or not all(forms):
        return ""
    if len(set(forms)) == 1:
        return forms[0]
    words = [f.split(" ") for f in forms]
    if len({len(w) for w in words}) != 1:
        return ""
    out = []
    for column in zip(*words):
        plain = {strip_vietnamese_diacritics(w) for w in column}
        if len(plain) != 1:
            return ""
        out.append(column[0] if len(set(column)) == 1 else plain.pop())
    return " ".join(out)


# Bump when what a recogniser is made of changes without its glossary or language module changing.
RECOGNISER_VERSION = "2"
_MIN_CACHED = 2000  # concepts from which a glossary's recognisers are kept compiled on disk


def _cache_path(glossary: Glossary, lang: Language) -> Path | None:
    """Where the compiled recogniser of a large glossary file is kept (``$BACKTRANS_CACHE/recognisers``):
    keyed by the file, its content, the language and the code that makes the forms; one version
    per file and language is kept. None: a glossary small enough to compile each time, or made
    in memory."""
    if len(glossary) < _MIN_CACHED or glossary.path is None:
        return None
    digest = hashlib.sha256(f"{RECOGNISER_VERSION}|{lang.code}|{_code_stamp(lang)}|{_content_digest(glossary)}".encode())
    from translate.glossary.layers import cache_dir

    where = hashlib.sha256(str(glossary.path).encode()).hexdigest()[:12]
    code = lang.code.replace("-", "_")
    return cache_dir().parent / "recognisers" / f"{code}-{where}-{digest.hexdigest()[:24]}.pickle"


_DIGESTS: dict[int, tuple[weakref.ref, int, str]] = {}


def _content_digest(glossary: Glossary) -> str:
    """A digest of the glossary's concepts and terms, made once per glossary (and size) whatever
    the number of languages recognised in it."""
    cached = _DIGESTS.get(id(glossary))
    if cached is not None and cached[0]() is glossary and cached[1] == len(glossary):
        return cached[2]
    digest = hashlib.sha256()
    for c in glossary:
        digest.update(f"\x1e{c.id}\x1f{c.kind}\x1f{c.en}\x1f{c.vi}\x1f{c.parent}".encode())
        for terms in c.terms.values():
            for t in terms:
                digest.update(f"\x1d{t.lang}\x1f{t.text}\x1f{t.status.value}".encode())
    _DIGESTS[id(glossary)] = (weakref.ref(glossary), len(glossary), digest.hexdigest())
    return digest.hexdigest()


@lru_cache(maxsize=None)
def _code_stamp(lang: Language) -> str:
    """The size and time of the modules the forms come from: this one, the folds, the kinds and
    every language module (an edited rule remakes the caches)."""
    import translate.glossary.kinds as kinds
    import translate.langs as langs
    import translate.text as text

    files = [Path(__file__), Path(text.__file__ or ""), Path(kinds.__file__ or ""),
             *sorted(Path(langs.__file__ or "").parent.glob("*.py")),
             Path(sys.modules[type(lang).__module__].__file__ or "")]
    return ";".join(f"{f.name}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files if f.is_file())


@lru_cache(maxsize=None)
def surname_forms(lang: Language) -> frozenset[str]:
    """Every Vietnamese surname as ``lang`` writes and declines it, in matching form."""
    return frozenset(lang.fold_term(form) for surname in SURNAMES
                     for written in lang.render_vietnamese(surname, place=False)
                     for form, _ in lang.forms(written, name=True))


def needs_context(concept: Concept) -> bool:
    """Whether a hit of ``concept`` counts only beside a unit word of the language (a gazetteer
    unit; a curated name was listed on purpose)."""
    if concept.kind not in UNIT_KINDS:
        return False
    return concept.kind in _CONTEXT_KINDS or len(concept.vi.split()) < 2


def is_name(concept: Concept) -> bool:
    """Whether the concept is a proper name (declined by rule, capitalised in cased scripts)."""
    return is_proper_name(concept.kind)


@dataclass(frozen=True, eq=False)  # equal only to itself: a key of ``Recogniser._found``
class _Entry:
    concept: Concept
    term: str
    status: Status | None  # the term's status; None: the concept's en/vi spelling in another language
    how: How  # how the form was generated: exact, inflected or folded
    name: bool  # a name written with a capital: hits must start with one in cased scripts
    length: int  # length of the folded form
    every_word: bool = False  # a gazetteer unit: every word of a hit starts with a capital in cased scripts
    unit: bool = False  # a gazetteer unit: never right after a Vietnamese surname (Trần Văn Lâm is a person)
    context: bool = False  # a commune-level unit or a one-syllable unit: only beside a unit word


class Recogniser:
    """A compiled recogniser for one glossary and one language; build it with ``for_glossary``."""

    _cache: dict[tuple[int, str], tuple[weakref.ref, int, "Recogniser"]] = {}

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang: Language = get_language(lang)
        self.glossary = glossary
        self.automaton = ahocorasick.Automaton()
        self._anchored = type(self.lang).prefix_ok is Language.prefix_ok  # no hit starts inside a word
        self.size = 0
        # A group is the entries of an automaton key (``_compile`` says what a key's value is),
        # made from ``_raw`` on first use when the recogniser came from the compiled cache.
        self._groups: list[tuple[_Entry, ...] | None] = []
        self._raw: list[tuple[tuple, ...]] = []
        # What a match of an entry's concept reports (see ``_reported``), made once per concept.
        self._reports: dict[int, tuple[Concept, Concept, str, str]] = {}
        self._terms: dict[str, str] = {}  # ``comparable`` of the terms matched
        # The fields of a match other than where it is, by (surface, clitic, the entries chosen):
        # a text names few things, often.
        self._found: dict[tuple[Any, ...], dict[str, Any]] = {}
        cache = _cache_path(glossary, self.lang)
        if cache is not None and self._load(cache):
            return
        self._compile()
        if cache is not None:
            self._save(cache)

    def _compile(self) -> None:
        glossary = self.glossary
        table: dict[str, dict[str, _Entry]] = {}
        self._form_cache: dict[tuple[str, bool, bool], tuple[tuple[str, How], ...]] = {}
        for concept in glossary:
            name = is_name(concept)
            unit = concept.kind in UNIT_KINDS  # a gazetteer unit (a curated name was listed on purpose)
            context = needs_context(concept)
            for term, status, forms in self._forms(concept, name):
                capital = name and term[:1].isupper()  # "rzeka Dao" need not be
                every_word = capital and unit and all(w[:1].isupper() for w in term.split())
                for key, how in forms:
                    if not key:
                        continue
                    by_concept = table.setdefault(key, {})
                    old = by_concept.get(concept.id)
                    if old is None or _HOW_RANK[how] < _HOW_RANK[old.how]:
                        by_concept[concept.id] = _Entry(concept, term, status, how, capital, len(key),
                                                        every_word=every_word, unit=unit, context=context)
        # An automaton key is a form between spaces (``_word_fold``; after a space only where the
        # language takes no prefix clitics), so that a hit is a whole word without a look in Python.
        # Its value: the alternatives it stands for, (group, the form's start in the line back from
        # the hit's last character, form length, clitic attached, what the text must spell:
        # ``_Line.spells``, whether every entry is a name that must start with a capital).
        lead = " " if self._anchored else ""
        keyed: dict[str, list[_Key]] = {}
        for key, by_concept in table.items():
            index = len(self._groups)
            self._groups.append(_ranked(by_concept.values()))
            capital = all(e.name for e in by_concept.values())
            for clitic in ("", *self.lang.suffix_clitics):
                spaced = _word_fold(key + clitic, self.lang).text
                if spaced[len(key):] != clitic:
                    continue  # a clitic that cannot end a word ("'" before a space is a quote)
                # a space of the form, or a mark made one, matches any mark or blank of the text
                spell: str | tuple[int, ...] = key if spaced[:len(key)] != key else \
                    tuple(i for i, ch in enumerate(key) if ch == " ")
                padded = lead + spaced + " "
                keyed.setdefault(padded, []).append((index, len(padded) - len(lead), len(key), bool(clitic), spell, capital))
        for padded, alternatives in keyed.items():
            self.automaton.add_word(padded, tuple(alternatives))
        if keyed:
            self.automaton.make_automaton()
        self.size = len(table)
        del self._form_cache

    def _group(self, index: int) -> tuple[_Entry, ...]:
        """The entries of one key, the likeliest first (``_rank``), made from the cache's raw form the first time."""
        group = self._groups[index]
        if group is None:
            group = self._groups[index] = _ranked(
                _Entry(self._concept(cid), term, Status(status) if status else None, _HOW[how], name, length,
                       every, unit, ctx)
                for cid, term, status, how, name, length, every, unit, ctx in self._raw[index])
        return group

    def _concept(self, concept_id: str) -> Concept:
        concept = self.glossary.get(concept_id)
        if concept is None:  # the cache is keyed by the glossary's content: it holds this id
            raise KeyError(concept_id)
        return concept

    def _save(self, path: Path) -> None:
        raw = [tuple((e.concept.id, e.term, e.status.value if e.status else "", e.how.value, e.name, e.length,
                      e.every_word, e.unit, e.context) for e in group or ()) for group in self._groups]
        try:
            atomic_write_bytes(path, pickle.dumps((self.size, self.automaton, raw), protocol=pickle.HIGHEST_PROTOCOL))
        except BacktransError:
            return  # no cache where it cannot be written: compiled again next time
        lang, where, _ = path.name.split("-", 2)
        for stale in path.parent.glob(f"{lang}-{where}-*.pickle"):  # this file's earlier versions
            if stale != path:
                stale.unlink(missing_ok=True)

    def _load(self, path: Path) -> bool:
        try:
            with open(path, "rb") as f:
                self.size, self.automaton, self._raw = pickle.load(f)
        except Exception:  # noqa: BLE001 - a cache from another version or torn: compile instead
            self.automaton, self.size, self._raw = ahocorasick.Automaton(), 0, []
            return False
        self._groups = [None] * len(self._raw)
        return True

    def _forms(self, concept: Concept, name: bool) -> Iterable[tuple[str, Status | None, tuple[tuple[str, How], ...]]]:
        """(term, its status, its forms folded) of each term of ``concept`` in the language."""
        lang = self.lang
        seen: set[str] = set()
        for term in concept.terms_in(lang.code):
            if term.text and term.text not in seen:
                seen.add(term.text)
                yield term.text, term.status, self._folded_forms(term.text, name)
        if name:  # a name may appear in its canonical Latin spelling in any language
            for canonical in (concept.en, concept.vi):
                if canonical and canonical not in seen:
                    seen.add(canonical)
                    yield canonical, None, self._folded_forms(canonical, True, exact_only=lang.script != "Latin")

    def _folded_forms(self, text: str, name: bool, exact_only: bool = False) -> tuple[tuple[str, How], ...]:
        """The language's forms of ``text`` folded, with how each was made; made once per text
        (a gazetteer holds many units of one name)."""
        key = (text, name, exact_only)
        cached = self._form_cache.get(key)
        if cached is None:
            forms = [(text, "exact")] if exact_only else self.lang.forms(text, name=name)
            cached = tuple((self.lang.fold_term(form), _HOW[generated]) for form, generated in forms)
            self._form_cache[key] = cached
        return cached

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
        base = self._base()
        if self.size == 0 and base is None:
            return matches
        offset = 0
        for number, line in enumerate(text.split("\n"), start=1):
            if line:
                matches.extend(self._find_in_line(line, number, offset, base))
            offset += len(line) + 1
        return matches

    def find_in_line(self, line: str, number: int = 1, offset: int = 0) -> list[Match]:
        """Occurrences in one line (no newline inside); ``offset`` is the line's start in its text.

        The hits of the glossary's base layer (the gazetteer) compete with this layer's: the
        longest wins, and on the same span this layer's; a base concept this layer has an alias
        for is reported as that concept.
        """
        base = self._base()
        if self.size == 0 and base is None:
            return []
        return self._find_in_line(line, number, offset, base)

    def _find_in_line(self, line: str, number: int, offset: int, base: Recogniser | None) -> list[Match]:
        facts = _Line(line, self.lang)
        folded = facts.folded
        hits = self._hits(facts, 0)
        if base is not None:
            hits += base._hits(facts, 1)
        if not hits:
            return []
        # Longest first, then this layer before the base, then leftmost; keep what does not
        # overlap something already kept.
        if len(hits) > 1:
            hits.sort(key=_HIT_ORDER)
        taken: list[tuple[int, int]] = []
        result = []
        extends = type(self.lang).extends is not Language.extends  # the default: no name goes on
        same = folded.index is None  # the line's offsets are the folded ones
        for _, _, start, end, clitic, entries, spell in hits:
            for s, e in taken:
                if start < e and s < end:
                    break
            else:
                s = -1
            if s >= 0:
                continue  # overlaps a longer hit kept
            if spell and not facts.spells(start, end, spell):
                continue  # a blank or mark of the form is another here
            o_start, o_end = (start, end) if same else folded.to_original(start, end)
            chosen = self._choose(entries, line, o_start, o_end)
            if not chosen or extends and self.lang.extends(chosen[0].term, line[o_end:o_end + 40]):
                continue
            taken.append((start, end))
            surface = line[o_start:o_end]
            result.append(self._match(chosen, surface, clitic, number, o_start, o_end, offset))
        if len(result) > 1:
            result.sort(key=_MATCH_START)
        return result

    def _base(self) -> Recogniser | None:
        """The recogniser of the glossary's base layer, in the same language (compiled once)."""
        base = self.glossary.base
        return Recogniser.for_glossary(base, self.lang.code) if base is not None else None

    def _hits(self, facts: _Line, layer: int) -> list[_Hit]:
        """Every whole-word hit in the line (``_Hit``); in a line that may have words glued together,
        also those at a glued boundary (``_Line.camel``; a form across one is found between real
        boundaries only)."""
        if self.size == 0:
            return []
        hits = self._scan(facts, facts.padded, layer)
        if self.lang.camel_boundary and facts.glued():
            padded, inserted = facts.unglued()
            if inserted:
                found = {(start, end, id(entries)) for _, _, start, end, _, entries, _ in hits}
                hits += [hit for hit in self._scan(facts, padded, layer, inserted)
                         if (hit[2], hit[3], id(hit[5])) not in found]
        return hits

    def _scan(self, facts: _Line, padded: str, layer: int, inserted: list[int] | None = None,
              ) -> list[_Hit]:
        """The hits in ``padded``, the line's ``_word_fold`` between two spaces (and ``inserted``
        spaces put in, at these offsets less one: ``_Line.unglued``)."""
        if not len(self.automaton):
            return []
        lang = self.lang
        anchored = self._anchored
        groups = self._groups
        line, folded = facts.line, facts.folded
        same = folded.index is None  # the line's offsets are the folded ones
        hits: list[_Hit] = []
        for last, alternatives in self.automaton.iter(padded):
            for index, back, key_length, clitic, spell, capital in alternatives:
                start = last - back  # in the line: ``padded`` less one
                end = start + key_length
                if inserted:
                    before = bisect_left(inserted, start)
                    if bisect_left(inserted, end) != before:
                        continue  # a space put in is no space of a form
                    start, end = start - before, end - before
                if not anchored and padded[last - back] != " ":  # letters before the form, in the same word
                    at = last - back + 1  # the form's start in ``padded``
                    j = at - 1
                    while padded[j - 1] != " ":
                        j -= 1
                    if padded[j:at] == "'" or not lang.prefix_ok(padded[j:at]):
                        if not lang.camel_boundary or not facts.glued() or not facts.camel(start):
                            continue
                    else:
                        clitic = True
                if capital and line[start if same else folded.to_original(start, end)[0]].islower():
                    continue  # a name, in lower case (``_choose`` would say so, later)
                group = groups[index]
                hits.append((start - end, layer, start, end, clitic, group if group is not None else self._group(index),
                             spell))
        return hits

    def _choose(self, entries: tuple[_Entry, ...], line: str, o_start: int, o_end: int) -> list[_Entry]:
        """The entries a hit may stand for, the likeliest first (none: it is no name here). In cased
        scripts a name starts with a capital, a gazetteer unit has one on every word ("Tự do" is
        not the commune Tự Do); a commune-level or one-syllable unit needs a unit word beside it
        of its kind ("xã An", "commune of An"). Several units of one name are candidates, the highest level
        (a province before a district before a commune) first; a unit word beside the hit keeps
        only the units of its kind."""
        if len(entries) == 1:
            entry = entries[0]
            if not (entry.name or entry.every_word or entry.unit or entry.context):
                return [entry]  # nothing to look up
        lower_case = line[o_start].islower()
        every_capital: bool | None = None  # each looked up when an entry needs it
        after_surname: bool | None = None
        unit_kinds: frozenset[str] | None = None  # of the unit words beside the hit
        chosen = []
        for entry in entries:  # ranked (``_group``)
            if entry.name and lower_case:
                continue
            if entry.every_word:
                if every_capital is None:
                    every_capital = all(not w[0].islower() for w in line[o_start:o_end].split())
                if not every_capital:
                    continue
            if entry.unit:
                if after_surname is None:
                    after_surname = self._after_surname(line, o_start)
                if after_surname:
                    continue
            if entry.context:
                if unit_kinds is None:
                    unit_kinds = self._unit_kinds(line, o_start, o_end)
                if entry.concept.kind not in unit_kinds:  # "xã An", not "tỉnh An"
                    continue
            chosen.append(entry)
        if len(chosen) > 1:
            if unit_kinds is None:
                unit_kinds = self._unit_kinds(line, o_start, o_end)
            if unit_kinds:  # "thành phố Quảng Ngãi": the city, not the province
                chosen = [e for e in chosen if e.concept.kind in unit_kinds] or chosen
        return chosen

    def _after_surname(self, line: str, o_start: int) -> bool:
        """Whether a capitalised surname is right before ``o_start`` (uncased scripts: one of three
        letters or more, as "هو" and "لي" are also words): a hit there is a person's given names."""
        before = line[max(0, o_start - 30):o_start]
        previous = _WORD.findall(before)[-1:] if before.endswith(" ") and not before.endswith("  ") else []
        return bool(previous) and (previous[0][0].isupper() if self.lang.cased else len(previous[0]) > 2) \
            and self.lang.fold_term(previous[0]) in surname_forms(self.lang)

    def _unit_kinds(self, line: str, o_start: int, o_end: int) -> frozenset[str]:
        """The kinds of unit the words right beside a hit name: the word before ("xã An", two words
        for "thị xã An"; over a short word: "commune of An"), the word after ("An Province")."""
        lang = self.lang
        before = _WORD.findall(line[max(0, o_start - 40):o_start])
        after = _WORD.findall(line[o_end:o_end + 24])
        kinds: frozenset[str] = frozenset()
        if before:
            kinds = (lang.unit_word(" ".join(before[-2:])) if len(before) > 1 else frozenset()) or lang.unit_word(before[-1])
            if not kinds and len(before) > 1 and len(before[-1]) <= 3:
                kinds = lang.unit_word(before[-2])
        if after:
            kinds |= lang.unit_word(after[0])
        return kinds

    def _match(self, chosen: list[_Entry], surface: str, clitic: bool, number: int,
               o_start: int, o_end: int, offset: int) -> Match:
        key = (surface, clitic, chosen[0]) if len(chosen) == 1 else (surface, clitic, *chosen)
        fields = self._found.get(key)
        if fields is None:
            if len(self._found) > 100_000:  # a long-running server's recogniser
                self._found.clear()
            fields = self._found[key] = self._fields(chosen, surface, clitic)
        return Match(line=number, start=o_start, end=o_end, surface=surface, offset=offset + o_start, **fields)

    def _fields(self, chosen: list[_Entry], surface: str, clitic: bool) -> dict[str, Any]:
        """What a match of ``surface`` standing for ``chosen`` reports wherever it is."""
        entry = chosen[0]
        if clitic:
            how = How.CLITIC
        elif entry.how is not How.EXACT:
            how = entry.how
        elif surface == entry.term or comparable(surface) == self._comparable(entry.term):
            how = How.EXACT
        else:
            how = How.FOLDED
        concept, province, canonical_form = self._reported(entry.concept)
        candidates = tuple(dict.fromkeys(self._reported(e.concept)[0].id for e in chosen)) if len(chosen) > 1 else ()
        canonical = surface == canonical_form or len(candidates) > 1 and \
            surface == shared_canonical((self._own(e.concept) for e in chosen), self.lang.code)
        return {"concept": concept.id, "term": entry.term, "how": how, "en": concept.en, "vi": concept.vi,
                "status": entry.status, "canonical": canonical, "kind": concept.kind, "province": province,
                "candidates": candidates if len(candidates) > 1 else ()}

    def _comparable(self, term: str) -> str:
        """``comparable(term)``, made once per term."""
        cached = self._terms.get(term)
        if cached is None:
            cached = self._terms[term] = comparable(term)
        return cached

    def _reported(self, concept: Concept) -> tuple[Concept, str, str]:
        """The concept a hit of ``concept`` reports (``_own``), its province and its canonical form in
        the language, found once per concept (walking the parents is most of a match's cost)."""
        cached = self._reports.get(id(concept))
        if cached is None or cached[0] is not concept:
            own = self._own(concept)
            cached = self._reports[id(concept)] = (concept, own, province_of(self.glossary, own),
                                                   own.canonical(self.lang.code))
        return cached[1], cached[2], cached[3]

    def _own(self, concept: Concept) -> Concept:
        """A base unit this layer has a concept for is reported as that concept."""
        own = self.glossary.aliases.get(concept.id)
        return (self.glossary.get(own) or concept) if own is not None else concept


def _letters() -> tuple[str, str]:
    """The lower-case (with the combining marks) and the upper-case letters of Latin, Greek,
    Cyrillic and Vietnamese, as character-class contents."""
    chars = [chr(c) for c in range(0x250)] + [chr(c) for c in range(0x370, 0x530)] + [chr(c) for c in range(0x1E00, 0x1F00)]
    lower = "".join(re.escape(c) for c in chars if c.islower()) + "\u0300-\u036f"
    return lower, "".join(re.escape(c) for c in chars if c.isupper())


@lru_cache(maxsize=1)
def _case_change() -> re.Pattern[str]:
    """An upper-case letter after a lower-case one (or a combining mark); the upper-case letter
    first: searched for much faster."""
    lower, upper = _letters()
    return re.compile(f"[{upper}](?<=[{lower}][{upper}])")


@lru_cache(maxsize=1)
def _maybe_glued() -> re.Pattern[str]:
    """What ``_glued`` looks for, and more: a case change, a digit beside a character of a word
    that is no digit, or any character past the Basic Multilingual Plane (one search clears most
    lines: it starts at a character of one class, digits and capitals, rare in a text)."""
    lower, upper = _letters()
    digits = "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isdecimal())
    astral = "\U00010000-\U0010ffff"
    return re.compile(f"[{upper}{digits}{astral}](?:(?<=[{lower}][{upper}])|(?<=[{digits}])(?=[^\\W\\d_])"
                      f"|(?<=[^\\W\\d_][{digits}])|(?<=[{astral}]))")


_DIGITS = re.compile(r"\d+")


_Key = tuple[int, int, int, bool, "str | tuple[int, ...]", bool]  # an automaton key's alternative: see ``Recogniser._compile``


class _Line:
    """A line being matched: its ``_word_fold``, between two spaces (``padded``), and what some hits
    ask of it, found the first time asked."""

    __slots__ = ("line", "lang", "folded", "padded", "_glued", "_unglued")

    def __init__(self, line: str, lang: Language) -> None:
        self.line, self.lang = line, lang
        self.folded = _word_fold(line, lang)
        self.padded = f" {self.folded.text} "
        self._glued: bool | None = None
        self._unglued: tuple[str, list[int]] | None = None

    def glued(self) -> bool:
        """``_glued(line)``."""
        if self._glued is None:
            self._glued = _glued(self.line)
        return self._glued

    def spells(self, start: int, end: int, form: str | tuple[int, ...]) -> bool:
        """Whether folded [start, end) is ``form`` with its blanks and punctuation, which
        ``_word_fold`` made spaces alike; ``form`` a tuple: the offsets of the spaces of a form
        without punctuation, which must be blanks here."""
        folded = self.folded
        if isinstance(form, tuple):
            if folded.index is None:  # one character of the line for one folded
                line, blanks = self.line, _blanks(self.lang)
                for at in form:
                    if line[start + at] not in blanks:
                        return False
                return True
            form = folded.text[start:end]
        o_start, o_end = folded.to_original(start, end)
        return fold_plain(self.line[o_start:o_end], self.lang.fold_table) == form

    def unglued(self) -> tuple[str, list[int]]:
        """``padded`` with a space put in at each glued boundary inside a word (``camel``; not beside
        an apostrophe, which belongs to its word), and where the spaces put in are, in its offsets
        less one (as ``Recogniser._scan`` gives hits)."""
        if self._unglued is None:
            text = self.folded.text
            glued = [at for at in range(1, len(text)) if text[at - 1] not in " '" and text[at] not in " '" and self.camel(at)]
            pieces, last = [], 0
            for at in glued:
                pieces.append(self.padded[last:at + 1])
                last = at + 1
            pieces.append(self.padded[last:])
            self._unglued = " ".join(pieces), [at + k for k, at in enumerate(glued)]
        return self._unglued

    def camel(self, at: int) -> bool:
        """A glued boundary at folded offset ``at``: lower to upper case ("Б'єнДжерело"), letter/digit."""
        folded = self.folded
        if at == 0 or at >= len(folded.text):
            return False
        if folded.index is None:  # offsets are the same (to_original, without its lookups)
            o_at = o_before = at
        else:
            o_at, _ = folded.to_original(at, at + 1)
            _, o_before = folded.to_original(at - 1, at)
        original = folded.original
        before = original[o_before - 1]
        while o_before > 1 and unicodedata.category(before) == "Mn":
            o_before -= 1
            before = original[o_before - 1]
        after = original[o_at]
        return (before.islower() and after.isupper()) or (before.isalpha() != after.isalpha())


@lru_cache(maxsize=None)
def _word_table(lang: Language) -> FoldTable:
    """``translate.text.word_table`` of the language's matching fold, made once."""
    return word_table(lang.fold_table)


@lru_cache(maxsize=None)
def _blanks(lang: Language) -> frozenset[str]:
    """The characters the language's matching fold makes a space."""
    return frozenset({" ", *(chr(cp) for cp, folded in lang.fold_table.items() if folded == " ")})


def _word_fold(text: str, lang: Language) -> Folded:
    """``translate.text.fold_words`` in the language: its matching fold, every character outside a word a space."""
    return fold_words(text, _word_table(lang))


def _glued(line: str) -> bool:
    """Whether ``line`` may have words glued together (see ``_Line.camel``): a change of
    case inside a word, or a letter beside a digit."""
    if not _maybe_glued().search(line):
        return False
    if _case_change().search(line):
        return True
    for m in _DIGITS.finditer(line):
        if m.start() > 0 and line[m.start() - 1].isalpha() or m.end() < len(line) and line[m.end()].isalpha():
            return True
    return False


def _rank(entry: _Entry) -> tuple[int, int, str]:
    return _HOW_RANK[entry.how], level(entry.concept), entry.concept.id


def _ranked(entries: Iterable[_Entry]) -> tuple[_Entry, ...]:
    """The entries of one key in the order a hit tries them: the likeliest first."""
    group = tuple(entries)
    return group if len(group) == 1 else tuple(sorted(group, key=_rank))


# A hit: (its length negated, layer, start, end, clitic attached, entries, what the text must
# spell there: ``_Line.spells``, looked at only for a hit no longer one overlaps); sorted longest
# first, then the glossary's own layer before its base, then leftmost.
_Hit = tuple[int, int, int, int, bool, tuple[_Entry, ...], "str | tuple[int, ...]"]
_HIT_ORDER = itemgetter(0, 1, 2)
_MATCH_START = attrgetter("start")
