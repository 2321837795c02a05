"""Text checks for glossary fields: diacritic folding, whitespace damage, scripts, NFC; the
case- and spacing-blind form texts are compared in."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_VI_EXTRA = str.maketrans({"đ": "d", "Đ": "D"})


def strip_vietnamese_diacritics(text: str) -> str:
    """Vietnamese without diacritics: Hải Dương → Hai Duong, Đà Nẵng → Da Nang."""
    decomposed = unicodedata.normalize("NFD", text.translate(_VI_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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


def comparable(text: str) -> str:
    """``text`` in NFC, case-folded, each run of whitespace one space: the form two texts are
    compared in when only case, spacing and Unicode composition differ."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def not_nfc(text: str) -> bool:
    """True when ``text`` is not in Unicode normalisation form C."""
    return not unicodedata.is_normalized("NFC", text)
