"""The contract every language module fulfils: one :class:`Language` with four facets.

- **segmentation** (:class:`Segmentation`): where a '.' does not end a sentence;
- **detection** (:class:`Detection`, plus :meth:`Language.detection_bonus`): what tells the
  language apart from the others of its script;
- **recognition** (the methods under "recognition"): the surface forms a glossary term takes
  (declension, clitics, spelling variants), word boundaries, transliteration to Latin;
- **inflection** (:meth:`Language.slots`, :meth:`Language.inflect_like`): which case and number a
  surface form is in, and another term in the same (what ``backtrans fix`` writes);
- **numbers** (:class:`NumberFormat`, :meth:`Language.number_format`): how numbers, scale
  words, per cent, dates and money are written, by region where the language's regions differ.

Behaviour is reached through the language, never through ``if lang == ...``. A code without a
module gets this generic Language: Latin-script rules, no inflection, numbers read by their shape.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from translate.text import (
    Folded,
    FoldTable,
    build_fold_table,
    fold,
    fold_term,
    strip_vietnamese_diacritics,
)

_EMPTY: Mapping = MappingProxyType({})


_UNIT_GROUPS = {
    "province": frozenset({"province", "city"}), "city": frozenset({"city", "town"}),
    "district": frozenset({"district", "town", "city"}), "town": frozenset({"town", "township"}),
    "commune": frozenset({"commune", "township"}), "ward": frozenset({"ward"}), "zone": frozenset({"special-zone"}),
}
_EXACT_KINDS = {"zone": "special-zone"}


def unit_words_of(*, exact: bool = False, **groups: str) -> Mapping[str, frozenset[str]]:
    """A language's unit words from space-separated stems by group: province, city, district,
    town, commune, ward, zone (``unit_words_of(province="провінці област", ...)``). A group
    covers the kinds a translation may render with it ("commune" also a township); ``exact``:
    the language is the gazetteer's own, each group is one kind (and "township" one more)."""
    out: dict[str, frozenset[str]] = {}
    for group, stems in groups.items():
        kinds = frozenset({_EXACT_KINDS.get(group, group)}) if exact else _UNIT_GROUPS[group]
        for stem in stems.split():  # "thị_xã": a unit word of two words
            word = stem.replace("_", " ")
            out[word] = out.get(word, frozenset()) | kinds
    return MappingProxyType(out)


@dataclass(frozen=True, order=True)
class Slot:
    """A grammatical slot a form fills: ``name`` the case and number ("gen", "pl_ins"; "" in a
    language that does not inflect), ``variant`` which of the slot's forms (another ending, or
    which words of a name decline), 0 the one to write when nothing tells them apart."""

    name: str = ""
    variant: int = 0


@dataclass(frozen=True)
class Segmentation:
    """Lower-cased tokens (without their final '.') after which a '.' does not end a sentence;
    ``before_number`` only when a digit follows ("No. 5")."""

    abbreviations: frozenset[str] = frozenset()
    before_number: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Detection:
    """Letters only this language uses within its script, and its commonest lower-case words."""

    telltale_letters: str = ""
    stop_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NumberFormat:
    """How a language (or one region of it) writes quantities, as ``translate.numbers`` reads them.

    ``decimal_mark`` "" means unknown: a lone separator before exactly three digits is then a
    thousands separator, as both sides of a translation would read it. Words are lower case,
    without a final '.'.
    """

    decimal_mark: str = ""
    group_marks: str = ""
    scales: Mapping[str, int] = field(default_factory=lambda: _EMPTY)  # "мільярдів" -> 10**9
    percent_words: frozenset[str] = frozenset()
    month_names: Mapping[str, int] = field(default_factory=lambda: _EMPTY)  # as after a day number
    currency_stems: Mapping[str, str] = field(default_factory=lambda: _EMPTY)  # "донг" -> "VND"


class Language:
    """The rules of one language; subclasses set the facets and override the recognition methods."""

    code: str = "xx"
    name: str = "generic"
    script: str = "Latin"
    # The script has capital letters, so a capital can tell a name (not so in Arabic).
    cased: bool = True
    # Known to language detection only (so that Russian is not taken for Ukrainian): no
    # recognition rules, not offered as a language to check, translate from or align.
    detection_only: bool = False

    segmentation: Segmentation = Segmentation()
    detection: Detection = Detection()
    numbers: NumberFormat = NumberFormat()

    def __init__(self, code: str | None = None) -> None:
        if code is not None:
            self.code = code

    def __repr__(self) -> str:
        return f"<Language {self.code}>"

    # --- detection ----------------------------------------------------------------------------

    def detection_bonus(self, words: list[str]) -> float:
        """Extra evidence for this language from lower-case ``words`` (0 by default)."""
        return 0.0

    # --- numbers ------------------------------------------------------------------------------

    def number_format(self, region: str | None = None) -> NumberFormat:
        """The number format of ``region`` ("MA" of ar-MA); the language's own by default."""
        return self.numbers

    # --- recognition --------------------------------------------------------------------------
    # Characters folded on top of the generic matching fold (lower case, no combining marks).
    extra_folds: Mapping[str, str] = _EMPTY
    # Clitics that may follow a term inside the same word ("'s" in English), in matching form.
    suffix_clitics: tuple[str, ...] = ()
    # A case change inside a word ("БʼєнДжерело": scraped text glued together) is a boundary.
    camel_boundary: bool = True
    # The words that name a kind of administrative unit, as matching-form stems, with the kinds
    # of unit each may name (``unit_words_of``): a commune-level unit's name counts only beside
    # one, and one decides among units of one name ("thành phố Quảng Ngãi": the city).
    unit_words: Mapping[str, frozenset[str]] = _EMPTY

    def unit_word(self, word: str) -> frozenset[str]:
        """The kinds of unit ``word`` names ("комуні": commune, "Province": province, city); none: empty."""
        folded = self.fold_term(word)
        return frozenset().union(*(kinds for stem, kinds in self.unit_words.items() if folded.startswith(stem)))

    @cached_property
    def fold_table(self) -> FoldTable:
        """``str.translate`` table of this language's matching form (see ``translate.text``)."""
        return build_fold_table(dict(self.extra_folds))

    def fold(self, text: str) -> Folded:
        """``text`` in this language's matching form, with offsets back (``translate.text.fold``)."""
        return fold(text, self.fold_table)

    def fold_term(self, term: str) -> str:
        """A glossary term or one of its generated forms in this language's matching form."""
        return fold_term(term, self.fold_table)

    def forms(self, term: str, *, name: bool) -> list[tuple[str, str]]:
        """Surface forms of ``term`` as (form, how); how is "exact", "inflected" or "folded".

        ``name`` tells a proper name (declined by rule) from a common term (a noun phrase).
        The base language does not inflect.
        """
        return [(term, "exact")]

    def with_inflected(self, term: str, generated: Iterable[str]) -> list[tuple[str, str]]:
        """``term`` as "exact", then each other of the ``generated`` forms as "inflected" (a form
        that folds to the term's own key is the term: the recogniser keeps the better how)."""
        return [(term, "exact")] + [(f, "inflected") for f in sorted(set(generated) - {term})]

    # --- inflection ---------------------------------------------------------------------------

    def slots(self, term: str, *, name: bool) -> list[tuple[Slot, str]]:
        """Every form of ``term`` with the slot it fills, the term itself first (a form may fill
        several slots). The base language does not inflect: one slot, the term."""
        return [(Slot(), term)]

    def inflect_like(self, surface: str, term: str, preferred: str, *, name: bool) -> list[str]:
        """``preferred`` in the slot ``surface`` (a form of ``term``) is in: one form, or several
        when the surface fills slots in which ``preferred`` differs ("Хай Дуонгу" is genitive,
        dative, locative: "Хайзионгу" in all three), or none when the surface is no form of
        ``term`` this language makes and its ending tells nothing.

        Variants of one slot that the surface does not tell apart take the first the preferred
        term has; a surface that is no generated form (a new spelling) is placed by its ending.
        The forms are in the order of the language's slots (singular cases first).
        """
        key = self.fold_term(surface)
        source = self.slots(term, name=name)
        filled = [slot for slot, form in source if self.fold_term(form) == key] or self._by_ending(key, term, source)
        target: dict[Slot, str] = {}
        for slot, form in self.slots(preferred, name=name):
            target.setdefault(slot, form)
        by_name: dict[str, list[Slot]] = {}
        for slot in filled:
            by_name.setdefault(slot.name, []).append(slot)
        # a surface that is one slot's first form and another's alternative ending is the first's
        # ("Komitetu": genitive, not the rarer dative or locative in -u)
        first = min((min(v.variant for v in variants) for variants in by_name.values()), default=0)
        by_name = {n: variants for n, variants in by_name.items() if min(v.variant for v in variants) == first}
        out: dict[str, None] = {}
        for slot_name, variants in by_name.items():
            form = next((target[s] for s in sorted(variants) if s in target), target.get(Slot(slot_name), ""))
            if form:
                out[form] = None
        return list(out)

    def rewrite(self, before: str, surface: str, term: str, preferred: str, *, name: bool) -> list[str]:
        """What replaces ``before + surface`` when ``surface`` (a form of ``term``, after the letters
        ``before`` of its word: clitics, or a word glued to it) is to be ``preferred``: the forms of
        :meth:`inflect_like` after the same letters (Arabic merges ل and the article anew)."""
        return [before + form for form in self.inflect_like(surface, term, preferred, name=name)]

    def _by_ending(self, key: str, term: str, source: list[tuple[Slot, str]]) -> list[Slot]:
        """The slots whose ending (what a form adds to the term's stem) ``key`` ends with, the
        longest ending only; the term's own slots when no ending fits."""
        base = self.fold_term(term)
        endings: dict[str, list[Slot]] = {}
        for slot, form in source:
            folded = self.fold_term(form)
            stem = len(os.path.commonprefix([base, folded]))
            endings.setdefault(folded[stem:], []).append(slot)
        fitting = [e for e in endings if e and key.endswith(e)]
        if fitting:
            return endings[max(fitting, key=len)]
        return endings.get("", [])

    def prefix_ok(self, prefix: str) -> bool:
        """Whether the folded ``prefix`` (letters before a hit, in the same word) is clitics."""
        return not prefix

    def extends(self, term: str, after: str) -> bool:
        """Whether the text ``after`` a hit of ``term`` makes it part of a longer, other name."""
        return False

    def transliterate(self, text: str) -> str:
        """A Latin rendering of ``text`` for fuzzy comparison (Latin scripts: folded as is)."""
        return self.fold_term(text)

    # --- rendering Vietnamese names --------------------------------------------------------------

    def render_vietnamese(self, vi: str, *, place: bool) -> list[str]:
        """How texts in this language write the Vietnamese name ``vi`` (with diacritics) of a place
        or (``place`` False) a person: the preferred form first, then the admitted ones. A Latin
        script writes it without diacritics, or with them."""
        plain = strip_vietnamese_diacritics(vi)
        return [plain] + ([vi] if vi != plain else [])
