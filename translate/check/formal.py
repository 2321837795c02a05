"""Checks of a segment's form, as Xbench and Verifika make them: punctuation, spaces, doubled words.

Each is written to the target language's rule where languages differ: Arabic writes «؟» «،» «؛»
(Urdu «۔» as its full stop), Greek «;» as its question mark, Ukrainian quotes «…» and Polish „…”,
French leaves a space before «; : ! ?», Indonesian writes reduplication with a hyphen
(«anak-anak»), Vietnamese doubles syllables on purpose («ngày ngày», «người người»). A target
copied from its source is the ``untranslated`` check's (``translate.check.checks``), not one of these.

:data:`FORMAL_CHECKS` lists them, each with its default severity and what it finds; every check
is a function of one document that returns its findings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from translate.check.model import (
    CheckedDocument,
    CheckSettings,
    Finding,
    Segment,
    Severity,
    locate,
)


class End(str, Enum):
    """The kind of punctuation a segment ends with."""

    stop = "a full stop"
    question = "a question mark"
    exclamation = "an exclamation mark"
    colon = "a colon"
    semicolon = "a semicolon"
    comma = "a comma"
    ellipsis = "an ellipsis"
    none = "no punctuation"


_ENDS: dict[str, End] = {
    ".": End.stop, "。": End.stop, "।": End.stop, "۔": End.stop, "։": End.stop, "።": End.stop, "｡": End.stop,
    "?": End.question, "？": End.question, "؟": End.question, "¿": End.question,
    "!": End.exclamation, "！": End.exclamation, "¡": End.exclamation,
    ":": End.colon, "：": End.colon,
    ";": End.semicolon, "；": End.semicolon, "؛": End.semicolon,
    ",": End.comma, "،": End.comma, "，": End.comma, "、": End.comma,
    "…": End.ellipsis,
}
_ENDS_BY_LANG: dict[str, dict[str, End]] = {"el": {";": End.question, "·": End.semicolon}}
# The mark each language writes for a kind of end, where it is not the Latin one.
_ARABIC_MARKS = {End.question: "؟", End.comma: "،", End.semicolon: "؛"}
_MARKS: dict[str, dict[End, str]] = {
    "ar": _ARABIC_MARKS, "fa": _ARABIC_MARKS, "ur": {**_ARABIC_MARKS, End.stop: "۔"},
    "zh": {End.stop: "。", End.question: "？", End.exclamation: "！", End.comma: "，", End.colon: "：",
           End.semicolon: "；"},
    "ja": {End.stop: "。", End.question: "？", End.exclamation: "！", End.comma: "、"},
    "hi": {End.stop: "।"}, "el": {End.question: ";"}, "hy": {End.stop: "։"}, "am": {End.stop: "።"},
}
_LATIN_MARKS = {End.stop: ".", End.question: "?", End.exclamation: "!", End.colon: ":", End.semicolon: ";",
                End.comma: ",", End.ellipsis: "…"}
_CLOSERS = "\"'»«”“’‘›‹」』)]}）】〉》"
_SPACES = " \u00a0\u202f\u2009\u3000\t"
_SPACE_BEFORE = {"fr": "?!:;»", "br": "?!:;»"}  # French typography: a (thin) space before these
# Quotation marks a language writes, and the straight quotes an MT system leaves instead.
_QUOTES = {"uk": "«…»", "ru": "«…»", "be": "«…»", "pl": "„…”", "cs": "„…“", "de": "„…“", "fr": "« … »"}
_ARABIC_SCRIPT = {"ar", "fa", "ur", "ps", "ug", "ckb"}
# Vietnamese doubles syllables on purpose (ngày ngày, người người, từ từ): only these are slips.
_VI_SLIPS = frozenset({"của", "và", "là", "các", "những", "được", "trong", "cho", "với", "một", "này", "đã",
                       "sẽ", "theo", "tại", "về", "khi", "đến", "cũng", "đó", "không", "có"})
_HYPHEN_REDUPLICATION = {"id", "ms"}  # anak-anak: doubled with a space is a misspelling
_NO_SPACE_SCRIPTS = {"zh", "ja", "th", "lo", "km", "my"}  # no spaces between words: no doubled words to see
_ALLOWED_DOUBLED = {"en": {"had", "that"}}

_WORD = re.compile(r"[^\W\d_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed'’\-]*")
_RUN = re.compile(f"[{_SPACES[:-1]}]{{2,}}")  # two or more blanks (tabs are layout, not a slip)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")


def _end(text: str, lang: str) -> tuple[End, str, int]:
    """The kind of end punctuation of ``text`` (closing quotes and brackets skipped), its mark and offset."""
    i = len(text.rstrip(_SPACES + "\n\r"))
    while i > 0 and text[i - 1] in _CLOSERS:
        i -= 1
    if text[:i].endswith("...") or text[:i].endswith("…"):
        return End.ellipsis, "…", i - 1
    if i == 0:
        return End.none, "", 0
    mark = text[i - 1]
    kind = _ENDS_BY_LANG.get(lang, {}).get(mark) or _ENDS.get(mark, End.none)
    return kind, (mark if kind is not End.none else ""), i - 1


def expected_mark(kind: End, lang: str) -> str:
    """The mark ``lang`` writes for ``kind`` ("?" in English, "؟" in Arabic, "。" in Chinese)."""
    return _MARKS.get(lang, {}).get(kind) or _LATIN_MARKS.get(kind, "")


def end_punctuation(doc: CheckedDocument, severity: Severity, settings: CheckSettings) -> list[Finding]:
    """A translation that ends with other punctuation than its source (bilingual input), or with the
    right kind in another language's mark (an Arabic question ending in «?»)."""
    out = []
    for source, segs in doc.units():
        if source is None or not source.strip():
            continue
        last = segs[-1]
        src_kind, src_mark, _ = _end(source, doc.source_lang or "")
        kind, mark, at = _end(last.text, doc.lang)
        if not last.text.strip():
            continue
        want = expected_mark(src_kind, doc.lang)
        if kind is not src_kind:
            said = f" («{src_mark}»)" if src_mark else ""
            got = f" («{mark}»)" if mark else ""
            hint = f": end it with «{want}»" if want else ": end it without punctuation"
            out.append(Finding("end-punctuation", severity, locate(doc, last, at, at + len(mark)),
                               f"the source ends with {src_kind.value}{said}, the translation with "
                               f"{kind.value}{got}{hint}", last.text, suggestion=want))
        elif mark and want and mark != want and kind is not End.ellipsis:
            out.append(Finding("end-punctuation", severity, locate(doc, last, at, at + 1),
                               f"{kind.value} in {doc.lang} is «{want}», not «{mark}»", last.text, suggestion=want))
    return out


def punctuation(doc: CheckedDocument, severity: Severity, settings: CheckSettings) -> list[Finding]:
    """The target language's punctuation rules, in any segment: no space before a mark (but in
    French before ; : ! ?), Arabic marks in Arabic script, the language's quotation marks."""
    out = []
    space_ok = _SPACE_BEFORE.get(doc.lang, "")
    for seg in doc.segments:
        text = seg.text
        for m in re.finditer(f"(?<=[\\w\\)\\]])[{_SPACES}]+([,.;:!?؟،؛])(?=[{_SPACES}]|$)", text):
            if m.group(1) in space_ok:
                continue
            out.append(Finding("punctuation", severity, locate(doc, seg, m.start(), m.end()),
                               f"a space before «{m.group(1)}»", text, suggestion=m.group(1)))
        if doc.lang in _ARABIC_SCRIPT:
            out += _arabic_marks(doc, seg, severity)
        quotes = _QUOTES.get(doc.lang)
        if quotes is not None:
            for m in re.finditer(r'"[^"\n]+"', text):
                open_, close = quotes.split("…")
                out.append(Finding("punctuation", severity, locate(doc, seg, m.start(), m.end()),
                                   f"straight quotes: {doc.lang} writes {quotes}", text,
                                   suggestion=f"{open_}{m.group(0)[1:-1]}{close}"))
    return out


def _arabic_marks(doc: CheckedDocument, seg: Segment, severity: Severity) -> list[Finding]:
    """Latin «,» «;» «?» beside Arabic letters (not a decimal comma between digits)."""
    out = []
    text = seg.text
    wanted = {",": "،", ";": "؛", "?": "؟"}
    for i, ch in enumerate(text):
        if ch not in wanted:
            continue
        before, after = text[:i].rstrip(_SPACES)[-1:], text[i + 1:].lstrip(_SPACES)[:1]
        if ch == "," and before.isdigit() and after.isdigit():
            continue
        if _ARABIC_LETTER.match(before or " ") or (after and _ARABIC_LETTER.match(after)):
            out.append(Finding("punctuation", severity, locate(doc, seg, i, i + 1),
                               f"«{ch}» in Arabic script is «{wanted[ch]}»", text, suggestion=wanted[ch]))
    return out


def double_space(doc: CheckedDocument, severity: Severity, settings: CheckSettings) -> list[Finding]:
    """Two or more spaces in a row inside a segment (not at its start or end: leading-trailing-space)."""
    out = []
    for seg in doc.segments:
        inner = seg.text.strip(_SPACES)
        offset = len(seg.text) - len(seg.text.lstrip(_SPACES))
        for m in _RUN.finditer(inner):
            out.append(Finding("double-space", severity, locate(doc, seg, offset + m.start(), offset + m.end()),
                               f"{len(m.group(0))} spaces in a row", seg.text, suggestion=" "))
    return out


def _word_key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().replace("\u0640", "")


def double_word(doc: CheckedDocument, severity: Severity, settings: CheckSettings) -> list[Finding]:
    """A word written twice in a row ("the the", "що що", "في في"), whatever the case; not where
    a language doubles words on purpose (Vietnamese reduplication, the words a profile allows)."""
    if doc.lang in _NO_SPACE_SCRIPTS:
        return []
    allowed = _ALLOWED_DOUBLED.get(doc.lang, set()) | {_word_key(w) for w in settings.allowed_doubled_words}
    out = []
    for seg in doc.segments:
        words = list(_WORD.finditer(seg.text))
        for a, b in zip(words, words[1:]):
            gap = seg.text[a.end():b.start()]
            key = _word_key(a.group(0))
            if gap.strip(_SPACES) or not gap or key != _word_key(b.group(0)) or key in allowed:
                continue
            if doc.lang == "vi" and key not in _VI_SLIPS:
                continue
            hint = (f": reduplication is written «{a.group(0)}-{b.group(0)}»"
                    if doc.lang in _HYPHEN_REDUPLICATION else "")
            suggestion = f"{a.group(0)}-{b.group(0)}" if hint else a.group(0)
            out.append(Finding("double-word", severity, locate(doc, seg, a.start(), b.end()),
                               f"«{a.group(0)}» twice in a row{hint}", seg.text, suggestion=suggestion))
    return out


def _edges(text: str) -> tuple[str, str]:
    """The blanks ``text`` starts and ends with."""
    return text[:len(text) - len(text.lstrip(_SPACES))], text[len(text.rstrip(_SPACES)):]


def leading_trailing_space(doc: CheckedDocument, severity: Severity, settings: CheckSettings) -> list[Finding]:
    """Spaces at the start or end of a translation that its source does not have, or the reverse
    (bilingual input whose segments keep their spaces: TMX, XLIFF, PO, translate's JSON Lines)."""
    out = []
    for source, segs in doc.units():
        if source is None or not source.strip():
            continue
        first, last = segs[0], segs[-1]
        if not first.text.strip() or not last.text.strip():
            continue
        src_lead, src_trail = _edges(source)
        lead, trail = _edges(first.text)[0], _edges(last.text)[1]
        for where, want, got, seg, at in (("start", src_lead, lead, first, 0),
                                          ("end", src_trail, trail, last, len(last.text) - len(trail))):
            if len(want) != len(got):
                out.append(Finding("leading-trailing-space", severity, locate(doc, seg, at, at + len(got)),
                                   f"{_spaces(got)} at the {where} of the translation, {_spaces(want)} in the source",
                                   seg.text, suggestion=want))
    return out


def _spaces(text: str) -> str:
    return {0: "no space", 1: "1 space"}.get(len(text), f"{len(text)} spaces")


@dataclass(frozen=True)
class FormalCheck:
    """One check of this module: its default severity, what it finds, and the function that runs it."""

    severity: Severity
    description: str
    run: Callable[[CheckedDocument, Severity, CheckSettings], list[Finding]]


FORMAL_CHECKS: dict[str, FormalCheck] = {
    "end-punctuation": FormalCheck(Severity.WARNING, "a translation ending with other punctuation than its source, "
                                   "or in another language's mark (Arabic «؟», Chinese «。») (bilingual input)",
                                   end_punctuation),
    "punctuation": FormalCheck(Severity.WARNING, "the target language's punctuation: no space before a mark "
                               "(French aside), Arabic «، ؛ ؟» in Arabic script, its quotation marks (uk «», pl „”)",
                               punctuation),
    "double-space": FormalCheck(Severity.WARNING, "two or more spaces in a row inside a segment", double_space),
    "double-word": FormalCheck(Severity.WARNING, "a word written twice in a row (\"the the\"), in any case and "
                               "script; not Vietnamese reduplication", double_word),
    "leading-trailing-space": FormalCheck(Severity.WARNING, "spaces at the start or end of a translation that "
                                          "differ from its source's (bilingual input)", leading_trailing_space),
}
