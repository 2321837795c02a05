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
from dataclasses import dataclass

UNDETERMINED = "und"


@dataclass(frozen=True)
class Profile:
    """What identifies one language: its script, the letters only it uses there, its stop words."""

    script: str
    letters: str
    stop_words: frozenset[str]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# TODO(lead): these profiles belong in the translate/langs modules; kept here until that is decided.
PROFILES: dict[str, Profile] = {
    "ar": Profile("Arabic", "", _words("في من على إلى عن مع أن التي الذي هذا هذه ذلك كان بين قد لم ما")),
    "uk": Profile(
        "Cyrillic",
        "іїєґ",
        _words("і й та в у на з із що не до за як від для це є а по але щодо також які який"),
    ),
    "ru": Profile(
        "Cyrillic",
        "ыэё",
        _words("и в на с что не по это как а для из от был была были также который которые"),
    ),
    "bg": Profile(
        "Cyrillic",
        "ѝ",
        _words("и в на с че не по това като за от да се са е към със ще които който"),
    ),
    "pl": Profile(
        "Latin",
        "ąęłśżźćń",
        _words("i w z na się że do nie o to jest jak od po oraz przez dla ich są a co ze które który"),
    ),
    "id": Profile(
        "Latin",
        "",
        _words(
            "yang dan di untuk dengan dari ini itu dalam pada ke tidak akan adalah oleh juga "
            "telah sebagai atau bahwa karena saya kami mereka ada"
        ),
    ),
    "en": Profile(
        "Latin",
        "",
        _words(
            "the and of to in a is that for on with as by was were are this it from at be "
            "has have which an not"
        ),
    ),
    "vi": Profile(
        "Latin",
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",  # not ó: Polish too
        _words(
            "của và các những được trong cho với là một có không đã sẽ này để tại theo về như "
            "từ trên đến khi người việc cũng thì "
            # the same written without diacritics
            "cua va cac nhung duoc trong cho voi la mot co khong da se nay de tai theo ve nhu "
            "tu tren den khi nguoi viec cung thi"
        ),
    ),
}

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
# One Vietnamese syllable, diacritics removed: initial consonant(s), 1-3 vowels, allowed final.
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
_SCRIPT_LANGUAGES = {s: [c for c, p in PROFILES.items() if p.script == s] for s, _, _ in _SCRIPT_RANGES}
_CHAR_WEIGHT = 20.0  # telltale letters are rare: 5% of the letters is full evidence


def detect_scores(text: str) -> dict[str, float]:
    """Score of each known language for ``text``: in [0, 1], summing to 1 (all 0: none recognised)."""
    words = _content_words(_URL.sub(" ", unicodedata.normalize("NFC", text)))
    chars = Counter("".join(words))
    scripts = Counter()
    for c, n in chars.items():
        scripts[_script(c)] += n
    letters = sum(scripts.values())
    if not letters:
        return dict.fromkeys(PROFILES, 0.0)
    raw = {}
    for code, profile in PROFILES.items():
        share = scripts[profile.script] / letters
        script_letters = scripts[profile.script] or 1
        telltale = sum(chars[c] for c in profile.letters) / script_letters
        stop = sum(w in profile.stop_words for w in words) / len(words)
        alone = _SCRIPT_LANGUAGES[profile.script] == [code]  # the script alone names the language
        raw[code] = share * (alone + min(1.0, _CHAR_WEIGHT * telltale) + stop + _bonus(code, words))
    total = sum(raw.values())
    return {c: (v / total if total else 0.0) for c, v in raw.items()}


def detect_language(text: str, candidates: Iterable[str] | None = None) -> str:
    """The likeliest language code of ``text`` (among ``candidates`` if given), "und" if none fits."""
    scores = detect_scores(text)
    codes = list(scores) if candidates is None else [c for c in candidates if c in scores]
    best = max(codes, key=lambda c: scores[c], default=None)
    return best if best is not None and scores[best] > 0 else UNDETERMINED


def _bonus(code: str, words: list[str]) -> float:
    """Vietnamese without diacritics: most lower-case words are single valid syllables."""
    if code != "vi":
        return 0.0
    valid = sum(bool(_VI_SYLLABLE.fullmatch(_strip_marks(w))) for w in words) / len(words)
    return max(0.0, valid - 0.6) * 2.5


def _content_words(text: str) -> list[str]:
    """The words in lower case (else those in upper case): capitalised names do not decide."""
    words = _WORD.findall(text)
    lower = [w for w in words if w == w.lower()]  # scripts without case count as lower case
    return lower or [w.lower() for w in words if w == w.upper()]


def _strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _script(char: str) -> str:
    o = ord(char)
    for name, low, high in _SCRIPT_RANGES:
        if low <= o <= high:
            return name
    return "Other"
