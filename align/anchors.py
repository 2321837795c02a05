"""Anchors that survive translation: numbers by value, punctuation marks, shared words, paragraphs.

Every extractor maps one sentence to a set of :class:`~align.bead.Anchor`; the aligner only sees
those sets, so other anchor sources (glossary concepts from ``translate.terms``, say) plug in
by producing ``Anchor("concept", concept_id)`` per sentence and merging the sets with
:func:`merge_anchors`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from align.bead import Anchor
from align.scripts import UNSPACED_BIGRAM, UNSPACED_TRIGRAM, cjk_numbers, tokens
from translate.errors import UsageError
from translate.langs import Language
from translate.numbers import number_tokens, number_value
from translate.text import unaccented

_WORD = re.compile(r"[^\W\d_]+")

# Marks that a translation keeps; the value is the language-neutral key.
_MARKS = {
    "?": "?", "؟": "?", "¿": "?",
    "!": "!", "¡": "!",
    "(": "(", "[": "(", ")": ")", "]": ")",
    "«": "quote", "»": "quote", "„": "quote", "“": "quote", "”": "quote", '"': "quote",
    "‹": "quote", "›": "quote",
    ":": ":", ";": ";",
    "…": "...",
    # Full-width and CJK forms, and Arabic's semicolon.
    "？": "?", "！": "!", "（": "(", "）": ")", "［": "(", "］": ")", "【": "(", "】": ")",
    "「": "quote", "」": "quote", "『": "quote", "』": "quote", "《": "quote", "》": "quote",
    "〈": "quote", "〉": "quote", "＂": "quote", "：": ":", "；": ";", "؛": ";",
}


_MARK = re.compile("[" + re.escape("".join(_MARKS)) + "]")


def number_anchors(sentence: str) -> set[Anchor]:
    """One ``number`` anchor per distinct numeric value in ``sentence``, in digits of any system
    or in Chinese/Japanese numerals (``align.scripts.cjk_numbers``: 二十一 meets 21)."""
    out = {Anchor("number", v) for token in number_tokens(sentence) for v in number_value(token)}
    return out | {Anchor("number", str(v)) for v in cjk_numbers(sentence)}


def mark_anchors(sentence: str) -> set[Anchor]:
    """``punct`` anchors for question and exclamation marks, quotes, brackets, colons."""
    marks = {_MARKS[c] for c in _MARK.findall(sentence)}
    if "..." in sentence:
        marks.add("...")
    return {Anchor("punct", m) for m in marks}


def word_anchors(sentence: str, min_length: int = 4, prefix: int = 4, latin_only: bool = False) -> set[Anchor]:
    """Shared-token anchors: each word of ``min_length`` letters or more (``word``) and its
    first ``prefix`` letters (``prefix``, a cheap cognate test: September/septembre). Words of
    scripts written without spaces (Chinese, Thai, …) are not made; with ``latin_only`` only
    Latin-script words are (names, acronyms and URLs a text in another script keeps as they are).
    """
    out: set[Anchor] = set()
    for script, w in tokens(sentence, min_length):
        if script in UNSPACED_BIGRAM or script in UNSPACED_TRIGRAM or (latin_only and script != "Latin"):
            continue
        out.add(Anchor("word", w))
        out.add(Anchor("prefix", w[:prefix]))
    return out


def name_anchors(sentence: str, lang: Language, length: int = 4) -> set[Anchor]:
    """``name`` anchors between a non-Latin script and Latin: the first ``length`` letters of the
    Latin rendering (``lang.transliterate``, e.g. Ukrainian Шевченко → shev) of each word of
    ``length`` letters or more, capitalised ones only in a cased script; a Latin-script
    ``lang`` gives its capitalised words' first letters, folded."""
    out: set[Anchor] = set()
    for m in _WORD.finditer(sentence):
        w = m.group()
        if len(w) < length or (lang.cased and not w[0].isupper()):
            continue
        latin = unaccented(lang.transliterate(w)) if lang.script != "Latin" else unaccented(w)
        if len(latin) >= length and latin.isascii():
            out.add(Anchor("name", latin[:length]))
    return out


def paragraph_anchors(paragraph_starts: Sequence[bool]) -> list[set[Anchor]]:
    """A ``para`` anchor on every sentence that opens a paragraph (the first one excepted)."""
    return [{Anchor("para", "")} if start and i else set() for i, start in enumerate(paragraph_starts)]


def sentence_anchors(
    sentences: Sequence[str], *, words: bool = True, paragraph_starts: Sequence[bool] | None = None,
    latin_only: bool = False, names: Language | None = None,
) -> list[frozenset[Anchor]]:
    """The default anchors of each sentence: numbers, marks, shared words, paragraph breaks.

    Between languages of different scripts set ``latin_only`` (only Latin-script words can be
    shared) and, when one is Latin, ``names`` to each side's language (transliterated names,
    :func:`name_anchors`); ``words`` off makes no word anchors at all.
    """
    out = []
    for s in sentences:
        a = number_anchors(s) | mark_anchors(s)
        if words:
            a |= word_anchors(s, latin_only=latin_only)
        if names is not None:
            a |= name_anchors(s, names)
        out.append(a)
    if paragraph_starts is not None:
        out = [a | p for a, p in zip(out, paragraph_anchors(paragraph_starts))]
    return [frozenset(a) for a in out]


def merge_anchors(*per_sentence: Iterable[Iterable[Anchor]]) -> list[frozenset[Anchor]]:
    """Union, sentence by sentence, of several anchor lists of the same document."""
    lists = [list(p) for p in per_sentence]
    if len({len(p) for p in lists}) > 1:
        raise UsageError(f"anchor lists of one document differ in length: {sorted({len(p) for p in lists})}")
    return [frozenset().union(*row) for row in zip(*lists)]


def _vocabulary(sentences: Sequence[str], min_length: int) -> list[set[str]]:
    return [{w for w in (unaccented(m.group()) for m in _WORD.finditer(s)) if len(w) >= min_length} for s in sentences]


def cognate_anchors(
    src: Sequence[str], tgt: Sequence[str], *, min_length: int = 4, threshold: float = 0.75
) -> tuple[list[frozenset[Anchor]], list[frozenset[Anchor]]]:
    """``cognate`` anchors for word pairs that look alike across the two documents
    (psychologischer/psychologique, Generationen/générations): each folded word of
    ``min_length`` letters or more is paired with the most similar word of the other document
    (rapidfuzz's normalised Indel similarity, a character-level Dice) when that similarity is at
    least ``threshold`` and each is the other's best match. Identical words are left out: the
    ``word`` anchors have them.
    """
    from rapidfuzz import fuzz, process

    sw, tw = _vocabulary(src, min_length), _vocabulary(tgt, min_length)
    vs, vt = sorted(set().union(*sw)), sorted(set().union(*tw))
    if not vs or not vt:
        return [frozenset()] * len(src), [frozenset()] * len(tgt)
    sim = process.cdist(vs, vt, scorer=fuzz.ratio, score_cutoff=threshold * 100, workers=1)
    best_t = sim.argmax(axis=1)
    best_s = sim.argmax(axis=0)
    pairs: dict[str, list[str]] = {}
    back: dict[str, list[str]] = {}
    for i, j in enumerate(best_t):
        if sim[i, j] > 0 and best_s[j] == i and vs[i] != vt[j]:
            key = f"{vs[i]}\t{vt[j]}"
            pairs.setdefault(vs[i], []).append(key)
            back.setdefault(vt[j], []).append(key)
    return (
        [frozenset(Anchor("cognate", k) for w in ws for k in pairs.get(w, ())) for ws in sw],
        [frozenset(Anchor("cognate", k) for w in ws for k in back.get(w, ())) for ws in tw],
    )

