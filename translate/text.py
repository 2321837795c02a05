"""The one family of text folds, and the text checks built on them.

Each fold says in its name what it folds away; pick the weakest that does the job:

========================== ===================================================== =============================
fold                       what goes                                             used for
========================== ===================================================== =============================
:func:`comparable`         case, runs of whitespace, Unicode composition (NFC)   "the same term", "unchanged"
:func:`strip_vietnamese_diacritics` tone and vowel marks, đ → d (case kept)       en from vi, syllable checks
:func:`unaccented`         case, compatibility forms (NFKD), all combining marks shared words across languages
:func:`fold`               as :func:`unaccented` plus format characters, one    the recogniser and restore,
                           blank for any space, apostrophes unified, đ → d, a   with offsets back to the text
                           language's own extra folds (Arabic alef, ya, ta
                           marbuta); one character to at most one
:func:`fold_words`         as :func:`fold`, and every character outside a word  the recogniser's scan: whole
                           (letters and digits, apostrophes between them) is a  words between spaces
                           space
========================== ===================================================== =============================
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

FoldTable = dict[int, "str | None"]

_VI_EXTRA = str.maketrans({"đ": "d", "Đ": "D"})


def comparable(text: str) -> str:
    """``text`` in NFC, case-folded, each run of whitespace one space: the form two texts are
    compared in when only case, spacing and Unicode composition differ."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def strip_vietnamese_diacritics(text: str) -> str:
    """Vietnamese without diacritics: Hải Dương → Hai Duong, Đà Nẵng → Da Nang."""
    decomposed = unicodedata.normalize("NFD", text.translate(_VI_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def unaccented(text: str) -> str:
    """Case-folded, compatibility-decomposed, combining marks removed (Générations → generations)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- the matching fold, with offsets -----------------------------------------------------------

_DELETED = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u0640"}
_APOSTROPHES = "\u2019\u02bc\u2018\u0060\u00b4\u2032"
_BLANKS = (0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2007, 0x202F, 0x3000, *range(0x2000, 0x200B))
_STROKES = {"đ": "d", "Đ": "d"}  # a stroke is a diacritic that Unicode does not decompose
_RANGES = ((0x0000, 0x0530), (0x0600, 0x0700), (0x0750, 0x0780), (0x1E00, 0x1F00),
           (0x2000, 0x2070), (0xFB50, 0xFE00), (0xFE70, 0xFF00))


def build_fold_table(extra: dict[str, str]) -> FoldTable:
    """The ``str.translate`` table of :func:`fold`, with a language's ``extra`` folds on top."""
    table: FoldTable = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            if unicodedata.category(ch) == "Mn" or ch in _DELETED:
                table[cp] = None
                continue
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
            low = base.lower()
            if len(low) == 1 and low != ch:
                table[cp] = low
            elif len(low) != 1 and len(ch.lower()) == 1 and ch.lower() != ch:
                table[cp] = ch.lower()
    for ch in _APOSTROPHES:
        table[ord(ch)] = "'"
    for cp in _BLANKS:
        table[cp] = " "  # any single blank matches the space of a term
    table.update({ord(k): v for k, v in (_STROKES | extra).items()})
    return table


@dataclass(frozen=True)
class Folded:
    """A text in matching form with the way back to the original offsets."""

    original: str
    text: str
    index: list[int] | None  # index[i]: original offset of folded character i (None: the same)

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


def fold(text: str, table: FoldTable) -> Folded:
    """``text`` in matching form (see the module table), with offsets back to ``text``.

    NFC and NFD input give the same folded text; a language's table comes from its
    ``Language.fold_table``.
    """
    dense, deleted = _compiled(table)
    folded = text.translate(dense)
    if len(folded) == len(text):  # the table maps one to one or deletes: nothing deleted
        return Folded(text, folded, None)
    if deleted is not None:  # every kept character is one: the index is the ranges between deletions
        index: list[int] = []
        kept = 0
        for run in deleted.finditer(text):
            index.extend(range(kept, run.start()))
            kept = run.end()
        index.extend(range(kept, len(text)))
        if len(index) == len(folded):
            return Folded(text, folded, index)
    index = []
    out: list[str] = []
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        if rep:
            out.append(rep)
            index.append(i)
    return Folded(text, "".join(out), index)


_DENSE = 0x10000  # code points looked up in a list: str.translate is several times faster than with a dict
_COMPILED: dict[int, tuple[FoldTable, "list[str | None] | FoldTable", "re.Pattern[str] | None"]] = {}


def _compiled(table: FoldTable) -> tuple[list[str | None] | FoldTable, re.Pattern[str] | None]:
    """``table`` as a list indexed by code point (a code point past the list is unchanged; the
    table itself when it maps one), and a pattern of the runs of the characters it deletes
    (None: it also maps some character to several); made once per table."""
    cached = _COMPILED.get(id(table))
    if cached is None or cached[0] is not table:
        dense: list[str | None] | FoldTable = table
        if all(cp < _DENSE for cp in table):
            dense = [table.get(cp, chr(cp)) for cp in range(_DENSE)]
        pattern = None
        if all(rep is None or len(rep) <= 1 for rep in table.values()):
            gone = "".join(re.escape(chr(cp)) for cp, rep in table.items() if not rep)
            pattern = re.compile(f"[{gone}]+") if gone else None
        cached = _COMPILED[id(table)] = (table, dense, pattern)
    return cached[1], cached[2]


def word_table(table: FoldTable) -> FoldTable:
    """``table`` with each character that cannot be part of a word folded to a space (for :func:`fold_words`)."""
    out: FoldTable = {}
    for cp in range(_DENSE):
        ch = chr(cp)
        folded = table.get(cp, ch)
        if folded is not None and not (folded.isalnum() or folded == "'"):
            folded = " "
        if folded != ch:
            out[cp] = folded
    return out


_ASTRAL = re.compile("[^\u0000-\uffff]")
_LOOSE_APOSTROPHE = re.compile(r"'(?:(?<![^\W_]')|(?![^\W_]))")  # not between two letters or digits
_ASTRAL_NOT_WORD = re.compile("[^\\w'\u0000-\uffff]")  # past the code points a table lists


def fold_words(text: str, table: FoldTable) -> Folded:
    """``fold(text, table)`` with ``table`` a :func:`word_table`: every character that is not part of
    a word a space, a word being letters and digits with apostrophes between them ("з'їзд")."""
    folded = fold(text, table)
    spaced = folded.text
    if "'" in spaced:
        spaced = _LOOSE_APOSTROPHE.sub(" ", spaced)
    if _ASTRAL.search(spaced):
        spaced = _ASTRAL_NOT_WORD.sub(" ", spaced)
    return folded if spaced is folded.text else Folded(text, spaced, folded.index)


def fold_plain(text: str, table: FoldTable) -> str:
    """``fold(text, table).text``, without the offsets."""
    return text.translate(_compiled(table)[0])


def fold_term(term: str, table: FoldTable) -> str:
    """A glossary term (or a generated form of it) in matching form, blanks collapsed."""
    return " ".join(term.translate(table).split())


# --- checks on text fields ---------------------------------------------------------------------


def whitespace_damage(text: str) -> str:
    """What is wrong with the spacing of ``text`` ('' when nothing)."""
    if not text.strip():
        return "empty"
    if text != text.strip():
        return "leading or trailing whitespace"
    if "  " in text:
        return "double space"
    if any(ch.isspace() and ch != " " for ch in text):
        return "tab, newline or other non-space whitespace"
    return ""


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """The script of a letter from its Unicode name (LATIN, CYRILLIC, ARABIC, ...); '' otherwise."""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def mixed_scripts(text: str) -> list[str]:
    """The scripts mixed inside one word of ``text`` (empty when every word has one script).

    Words are checked one by one: "Bao Loc" in a Ukrainian sentence is fine, a Latin
    "o" inside a Cyrillic word is not.
    """
    for word in text.split():
        scripts = {s for s in map(script_of, word) if s}
        if len(scripts) > 1:
            return sorted(scripts)
    return []


def not_nfc(text: str) -> bool:
    """True when ``text`` is not in Unicode normalisation form C."""
    return not unicodedata.is_normalized("NFC", text)
