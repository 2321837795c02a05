"""The base class every language module specialises."""

from __future__ import annotations

from functools import cached_property

from translate.text import Folded, FoldTable, build_fold_table, fold, fold_term


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
    def fold_table(self) -> FoldTable:
        """``str.translate`` table of this language's matching form (see ``translate.text``)."""
        return build_fold_table(self.extra_folds)

    def fold(self, text: str) -> Folded:
        """``text`` in this language's matching form, with offsets back (``translate.text.fold``)."""
        return fold(text, self.fold_table)

    def fold_term(self, term: str) -> str:
        """A glossary term or one of its generated forms in this language's matching form."""
        return fold_term(term, self.fold_table)

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
