"""Writing systems for alignment: the script of a text, its tokens whatever the script, its
Chinese/Japanese numerals, and whether a sentence ends with a full stop in any script.

Languages without a module of their own (``translate.langs``) get Latin-script rules there; the
aligner instead looks at the characters. Scripts written without spaces between words are cut
into character n-grams — Chinese and Japanese characters into bigrams (most Chinese words are one
or two characters), Thai, Lao, Khmer and Myanmar into trigrams (about a syllable) — so that the
second pass's lexicon (``align.lexicon``) has units to count; other scripts into words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from translate.text import unaccented

_LETTERS = re.compile(r"[^\W\d_]+")
# Unicode character-name prefixes of the scripts told apart here.
_NAMED = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "DEVANAGARI", "BENGALI", "TAMIL", "GEORGIAN",
          "ARMENIAN", "HANGUL", "HIRAGANA", "KATAKANA", "CJK", "THAI", "LAO", "KHMER", "MYANMAR", "ETHIOPIC")
UNSPACED_BIGRAM = frozenset({"Han", "Kana"})
UNSPACED_TRIGRAM = frozenset({"Thai", "Lao", "Khmer", "Myanmar"})


@lru_cache(maxsize=65536)
def char_script(ch: str) -> str:
    """The script of a letter: "Latin", "Cyrillic", "Han", "Kana", "Thai", … ("Other" if unknown)."""
    name = unicodedata.name(ch, "")
    for prefix in _NAMED:
        if name.startswith(prefix):
            if prefix == "CJK":
                return "Han"
            if prefix in ("HIRAGANA", "KATAKANA"):
                return "Kana"
            return prefix.title()
    return "Other"


def dominant_script(texts: Iterable[str], sample: int = 20000) -> str:
    """The script of most letters of ``texts`` (the first ``sample`` letters)."""
    counts: Counter[str] = Counter()
    seen = 0
    for text in texts:
        for m in _LETTERS.finditer(text):
            for ch in m.group():
                counts[char_script(ch)] += 1
            seen += len(m.group())
        if seen >= sample:
            break
    return counts.most_common(1)[0][0] if counts else "Latin"


def _runs(text: str) -> list[tuple[str, str]]:
    """The letter runs of ``text`` (combining marks kept with their letter, as Thai vowels), cut
    where the script changes: (script, run) pairs."""
    out: list[tuple[str, str]] = []
    joined = False  # whether the previous character was a letter or mark
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] == "M" and joined:
            out[-1] = (out[-1][0], out[-1][1] + ch)
            continue
        if cat[0] != "L":
            joined = False
            continue
        s = char_script(ch)
        if joined and out[-1][0] == s:
            out[-1] = (s, out[-1][1] + ch)
        else:
            out.append((s, ch))
        joined = True
    return out


def tokens(sentence: str, min_length: int = 3) -> list[tuple[str, str]]:
    """The tokens of ``sentence`` as (script, folded token): words of ``min_length`` letters or
    more in spaced scripts (lower case, accents removed), character n-grams in unspaced ones."""
    out: list[tuple[str, str]] = []
    for script, run in _runs(sentence):
        if script in UNSPACED_BIGRAM or script in UNSPACED_TRIGRAM:
            n = 2 if script in UNSPACED_BIGRAM else 3
            out += [(script, run[k:k + n]) for k in range(max(len(run) - n + 1, 1))]
        elif len(run) >= min_length:
            out.append((script, unaccented(run)))
    return out


_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_MYRIADS = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}
_CJK_NUMERAL = re.compile("[" + "".join([*_CJK_DIGITS, *_CJK_UNITS, *_CJK_MYRIADS]) + "]+")


def cjk_numbers(text: str) -> list[int]:
    """The values of the Chinese/Japanese numerals of ``text``: 二十一 → 21, 一百零五 → 105,
    三亿五千万 → 350000000, a digit string 一九九八 or 二〇 → 1998, 20. A lone 一 (also "a") or
    myriad sign is left out, and so are two digits side by side (三四, "three or four")."""
    out = []
    for m in _CJK_NUMERAL.finditer(text):
        run = m.group()
        if len(run) == 1 and run not in "二两兩三四五六七八九十":
            continue
        value = _cjk_value(run)
        if value is not None:
            out.append(value)
    return out


def _cjk_value(run: str) -> int | None:
    if all(c in _CJK_DIGITS for c in run):
        if len(run) >= 3 or "〇" in run:  # a year or code, digit by digit
            return int("".join(str(_CJK_DIGITS[c]) for c in run))
        return None  # 三四: "three or four"
    total = section = 0
    digit: int | None = None
    for c in run:
        if c in ("零", "〇"):
            digit = None  # a gap: 一百零五
        elif c in _CJK_DIGITS:
            if digit is not None:
                return None
            digit = _CJK_DIGITS[c]
        elif c in _CJK_UNITS:
            section += (1 if digit is None else digit) * _CJK_UNITS[c]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * _CJK_MYRIADS[c]
            section, digit = 0, None
    return total + section + (digit or 0)


_CLOSING = "\"'»”’)]}›」』》〉）］】 \t"
_FULL_STOPS = frozenset(".!?…。！？؟।")


def ends_weakly(sentence: str) -> bool:
    """Whether ``sentence`` ends without a full stop (closing quotes and brackets skipped): with a
    colon, semicolon, comma, or nothing — a fragment."""
    end = sentence.rstrip(_CLOSING)
    return not end or end[-1] not in _FULL_STOPS
