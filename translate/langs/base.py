"""The base class every language module specialises."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property


class Language:
    """Language rules reached through the language code, never through ``if lang == ...``."""

    code: str = "xx"
    name: str = "generic"
    script: str = "Latin"
    # The script has capital letters, so a capital can tell a name (not so in Arabic).
    cased: bool = True
    # Lower-cased tokens (without their final '.') after which a '.' does not end a sentence.
    abbreviations: frozenset[str] = frozenset()
    # '.' after these does not end a sentence when a digit follows ("No. 5").
    abbreviations_before_number: frozenset[str] = frozenset()
    # Language detection: letters only this language uses in its script, and its stop words.
    telltale_letters: str = ""
    stop_words: frozenset[str] = frozenset()

    def detection_bonus(self, words: list[str]) -> float:
        """Extra evidence for this language from lower-case ``words`` (0 by default)."""
        return 0.0

    def __init__(self, code: str | None = None) -> None:
        if code is not None:
            self.code = code

    # --- term recognition -------------------------------------------------------------
    # Characters folded on top of the generic folding (lower case, no combining marks).
    extra_folds: dict[str, str] = {}
    # Clitics that may follow a term inside the same word ("'s" in English), normalised.
    suffix_clitics: tuple[str, ...] = ()
    # A case change inside a word ("БʼєнДжерело": scraped text glued together) is a boundary.
    camel_boundary: bool = True

    @cached_property
    def fold_table(self) -> dict[int, str | None]:
        """``str.translate`` table of the matching form: one character to one or none."""
        return build_fold_table(self.extra_folds)

    def fold(self, text: str) -> Folded:
        """The matching form of ``text`` (lower case, no diacritics, language folds), with offsets.

        NFC and NFD input give the same folded text; ``Folded.to_original`` maps offsets back.
        """
        folded = text.translate(self.fold_table)
        if len(folded) == len(text):  # the table maps one to one or deletes: nothing deleted
            return Folded(text, folded, None)
        table = self.fold_table
        index: list[int] = []
        out: list[str] = []
        for i, ch in enumerate(text):
            rep = table.get(ord(ch), ch)
            if rep:
                out.append(rep)
                index.append(i)
        return Folded(text, "".join(out), index)

    def fold_term(self, term: str) -> str:
        """The matching form of a glossary term or of one of its generated forms."""
        return " ".join(term.translate(self.fold_table).split())

    def forms(self, term: str, *, name: bool) -> list[tuple[str, str]]:
        """Surface forms of ``term`` as (form, how); how is "exact" or "inflected".

        ``name`` tells a proper name (declined by rule) from a common term (a noun phrase).
        The base language does not inflect.
        """
        return [(term, "exact")]

    def prefix_ok(self, prefix: str) -> bool:
        """Whether the folded ``prefix`` (letters before a hit, in the same word) is clitics."""
        return not prefix

    def extends(self, term: str, after: str) -> bool:
        """Whether the text ``after`` a hit of ``term`` makes it part of a longer, other name."""
        return False

    def transliterate(self, text: str) -> str:
        """A Latin rendering of ``text`` for fuzzy comparison (Latin scripts: folded as is)."""
        return self.fold_term(text)

    def __repr__(self) -> str:
        return f"<Language {self.code}>"

    # --- numbers (translate.numbers) ----------------------------------------------------------
    # The decimal mark and thousands separators of the usual number format ("1,5" vs "1.5").
    decimal_mark: str = ""  # "": unknown, a lone separator before three digits is thousands
    group_marks: str = ""
    # Lower-case scale words after a number, without a final '.': "мільярдів" -> 10**9.
    number_scales: dict[str, int] = {}
    # Lower-case words meaning "per cent" after a number.
    percent_words: frozenset[str] = frozenset()
    # Lower-case month names (as written after a day number) -> month number.
    month_names: dict[str, int] = {}
    # Lower-case currency word stems -> ISO 4217 code ("донг" -> "VND").
    currency_stems: dict[str, str] = {}


@dataclass(frozen=True)
class Folded:
    """A text in matching form with the way back to the original offsets."""

    original: str
    text: str
    index: list[int] | None  # index[i]: original offset of folded character i (None: same)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the folded span [start, end), with its trailing marks."""
        if self.index is None:
            return start, end
        o_start = self.index[start]
        o_end = self.index[end - 1] + 1
        original = self.original
        while o_end < len(original) and unicodedata.category(original[o_end]) == "Mn":
            o_end += 1
        return o_start, o_end


_DELETED = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u0640"}
_APOSTROPHES = "\u2019\u02bc\u2018\u0060\u00b4\u2032"
_RANGES = ((0x0000, 0x0530), (0x0600, 0x0700), (0x0750, 0x0780), (0x1E00, 0x1F00),
           (0x2000, 0x2070), (0xFB50, 0xFE00), (0xFE70, 0xFF00))


def build_fold_table(extra: dict[str, str]) -> dict[int, str | None]:
    """Lower case, combining marks and format characters removed, apostrophes unified."""
    table: dict[int, str | None] = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            if unicodedata.category(ch) == "Mn" or ch in _DELETED:
                table[cp] = None
                continue
            base = "".join(c for c in unicodedata.normalize("NFD", ch)
                           if unicodedata.category(c) != "Mn")
            low = base.lower()
            if len(low) == 1 and low != ch:
                table[cp] = low
            elif len(low) != 1 and len(ch.lower()) == 1 and ch.lower() != ch:
                table[cp] = ch.lower()
    for ch in _APOSTROPHES:
        table[ord(ch)] = "'"
    for cp in (0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2007, 0x202F, 0x3000, *range(0x2000, 0x200B)):
        table[cp] = " "  # any single blank matches the space of a term
    table.update({ord(k): v for k, v in extra.items()})
    return table

