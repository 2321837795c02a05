"""Offline language detection from script, telltale letters and stop words; no model, no download.

The writing system picks the family (Arabic script: ar; Cyrillic: uk / ru / bg; Latin: pl / id /
en / vi); within it, each language scores the share of its letters that only it uses and the share
of lower-case words that are its stop words. Capitalised words (Vietnamese names such as
"Hai Duong" occur in every language of this project) and URLs are ignored. Vietnamese written
without diacritics is recognised by its one-syllable words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from translate.langs import DETECTABLE, LANGUAGES

UNDETERMINED = "und"

_SCRIPT_RANGES = (
    ("Latin", 0x0041, 0x024F),
    ("Latin", 0x1E00, 0x1EFF),
    ("Cyrillic", 0x0400, 0x052F),
    ("Arabic", 0x0600, 0x06FF),
    ("Arabic", 0x0750, 0x077F),
    ("Arabic", 0x08A0, 0x08FF),
    ("Arabic", 0xFB50, 0xFDFF),
    ("Arabic", 0xFE70, 0xFEFF),
)
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LANGUAGES = [LANGUAGES[code] for code in DETECTABLE]
_SCRIPT_LANGUAGES = {s: [lang.code for lang in _LANGUAGES if lang.script == s] for s, _, _ in _SCRIPT_RANGES}
_CHAR_WEIGHT = 20.0  # telltale letters are rare: 5% of the letters is full evidence


def detect_scores(text: str) -> dict[str, float]:
    """Score of each known language for ``text``: in [0, 1], summing to 1 (all 0: none recognised)."""
    words = _content_words(_URL.sub(" ", unicodedata.normalize("NFC", text)))
    chars = Counter("".join(words))
    scripts: Counter[str] = Counter()
    for c, n in chars.items():
        scripts[_script(c)] += n
    letters = sum(scripts.values())
    if not letters:
        return dict.fromkeys(DETECTABLE, 0.0)
    raw = {}
    for lang in _LANGUAGES:
        share = scripts[lang.script] / letters
        script_letters = scripts[lang.script] or 1
        telltale = sum(chars[c] for c in lang.detection.telltale_letters) / script_letters
        stop = sum(w in lang.detection.stop_words for w in words) / len(words)
        alone = _SCRIPT_LANGUAGES[lang.script] == [lang.code]  # the script alone names the language
        raw[lang.code] = share * (alone + min(1.0, _CHAR_WEIGHT * telltale) + stop + lang.detection_bonus(words))
    total = sum(raw.values())
    return {c: (v / total if total else 0.0) for c, v in raw.items()}


def detect_language(text: str, candidates: Iterable[str] | None = None) -> str:
    """The likeliest language code of ``text`` (among ``candidates`` if given), "und" if none fits."""
    scores = detect_scores(text)
    codes = list(scores) if candidates is None else [c for c in candidates if c in scores]
    best = max(codes, key=lambda c: scores[c], default=None)
    return best if best is not None and scores[best] > 0 else UNDETERMINED


def _content_words(text: str) -> list[str]:
    """The words in lower case (else those in upper case): capitalised names do not decide."""
    words = _WORD.findall(text)
    lower = [w for w in words if w == w.lower()]  # scripts without case count as lower case
    return lower or [w.lower() for w in words if w == w.upper()]


def _script(char: str) -> str:
    o = ord(char)
    for name, low, high in _SCRIPT_RANGES:
        if low <= o <= high:
            return name
    return "Other"


MISLABEL_MARGIN = 0.2  # another language must lead the given one by this much
MISLABEL_MIN_WORDS = 12  # shorter texts (headings, names) do not tell a language


def reads_as_other(text: str, lang: str) -> str | None:
    """The language ``text`` reads as when it is clearly not ``lang`` (a Polish file given as
    Ukrainian); None when it may well be ``lang``, is too short to tell, or ``lang`` is one
    detection does not know."""
    if len(_WORD.findall(text)) < MISLABEL_MIN_WORDS:
        return None
    scores = detect_scores(text)
    if lang not in scores:
        return None
    best = max(scores, key=lambda c: scores[c])
    return best if best != lang and scores[best] > scores[lang] + MISLABEL_MARGIN else None
