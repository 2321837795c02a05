"""Restore: the canonical form written wherever a model left a (possibly damaged) surrogate.

What a model does to a surrogate (``translate.pipeline.protect``) — re-casing, dropped
diacritics, a split "Hai-Duong", duplicates, reordering, dropping it — is undone by
:func:`restore`, which finds surrogates by their letters alone and writes the exact canonical
form; whatever it cannot find is reported as missing. :func:`canonicalise` rewrites the
renderings the target recogniser knows (a repair strategy of ``translate.pipeline.hop``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from translate.glossary.model import Glossary
from translate.langs import get_language
from translate.pipeline.protect import Protected
from translate.terms import Match, find_terms
from translate.text import script_of

_GAP = 3  # characters of damage allowed between two letters of a surrogate ("Hai - Duong")


@dataclass(frozen=True)
class Restored:
    """A model output with every surrogate found written in its exact canonical form."""

    text: str
    missing: tuple[str, ...]  # concepts of slots whose surrogate was not found
    duplicates: int  # surrogates the model repeated, removed


def restore(output: str, protected: Protected, target_lang: str) -> Restored:
    """Write the canonical form wherever the model left a (possibly damaged) surrogate.

    A surrogate is found by its letters and digits alone, case and diacritics aside, with
    up to a few other characters between them ("hai duong", "HAI-DUONG", "Hai, Duong",
    "Hai Dương"). Repeats beyond the number of slots that are adjacent to another copy
    ("Hai Duong Hai Duong") are removed; reordered surrogates are found wherever they are.
    """
    if not protected.slots:
        return Restored(output, (), 0)
    expected = Counter(s.canonical for s in protected.slots)
    concept_of = {s.canonical: s.concept for s in protected.slots}
    skeleton = _Skeleton(output, target_lang)
    spans: list[tuple[int, int, str]] = []
    for canonical in sorted(expected, key=len, reverse=True):  # longest first: nested forms
        for start, end in skeleton.find(canonical):
            if not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, canonical))
    spans.sort()
    spans, duplicates = _drop_repeats(output, spans, expected)
    found = Counter(c for _, _, c in spans)
    parts: list[str] = []
    at = 0
    for start, end, canonical in spans:
        parts += [output[at:start], canonical]
        at = end
    parts.append(output[at:])
    missing: list[str] = []
    for canonical, count in expected.items():
        missing += [concept_of[canonical]] * max(0, count - found[canonical])
    return Restored("".join(parts), tuple(missing), duplicates)


def canonicalise(text: str, concepts: Iterable[str], target_lang: str, glossary: Glossary,
                 *, fuzzy: bool = True) -> str:
    """Rewrite every rendering of ``concepts`` the recogniser finds in ``text`` in its canonical form.

    The target-language recogniser knows each concept's listed terms (admitted, deprecated,
    inflected, folded); with ``fuzzy`` it also finds close spellings of names ("Hai Zuong").
    This is how a sentence translated with its terms left in gets its canonical forms.
    """
    wanted = set(concepts)
    matches = [m for m in find_terms(text, target_lang, glossary, fuzzy=fuzzy) if m.concept in wanted]
    parts: list[str] = []
    at = 0
    for m in _non_overlapping(matches):
        concept = glossary.get(m.concept)
        canonical = concept.canonical(target_lang) if concept else ""
        if not canonical:
            continue
        parts += [text[at:m.offset], canonical]
        at = m.offset + len(m.surface)
    parts.append(text[at:])
    return "".join(parts)


def _non_overlapping(matches: list[Match]) -> list[Match]:
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.offset, -len(m.surface))):
        if not kept or m.offset >= kept[-1].offset + len(kept[-1].surface):
            kept.append(m)
    return kept


class _Skeleton:
    """The letters and digits of a text, folded, each with its offset in the text."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.language = get_language(lang)
        folded = self.language.fold(text)
        chars: list[str] = []
        self.offsets: list[int] = []
        for i, ch in enumerate(folded.text):
            if ch.isalnum():
                start, _ = folded.to_original(i, i + 1)
                chars.append(ch)
                self.offsets.append(start)
        self.chars = "".join(chars)
        self._fold = folded

    def find(self, surrogate: str) -> list[tuple[int, int]]:
        """Spans of ``text`` that spell ``surrogate`` (letters only), at word boundaries."""
        key = "".join(c for c in self.language.fold(surrogate).text if c.isalnum())
        if not key:
            return []
        spans = []
        i = self.chars.find(key)
        while i >= 0:
            j = i + len(key) - 1
            start, end = self.offsets[i], self._end_of(j)
            if (self._boundary(start, end)
                    and all(self.offsets[k + 1] - self.offsets[k] <= _GAP + 1 for k in range(i, j))):
                spans.append((start, end))
                i = self.chars.find(key, j + 1)
            else:
                i = self.chars.find(key, i + 1)
        return spans

    def _end_of(self, k: int) -> int:
        """End offset in the text of skeleton character ``k`` (its combining marks included)."""
        end = self.offsets[k] + 1
        while end < len(self.text) and unicodedata.category(self.text[end]) == "Mn":
            end += 1
        return end

    def _boundary(self, start: int, end: int) -> bool:
        """Word boundaries, or a change of script ("وDistrict", "Hà Nộiの")."""
        text = self.text
        return ((start == 0 or not text[start - 1].isalnum() or script_of(text[start - 1]) != script_of(text[start]))
                and (end == len(text) or not text[end].isalnum() or script_of(text[end]) != script_of(text[end - 1])))


def _drop_repeats(text: str, spans: list[tuple[int, int, str]],
                  expected: Counter) -> tuple[list[tuple[int, int, str]], int]:
    """Remove copies of a surrogate beyond its expected count that follow another copy closely."""
    count = Counter(c for _, _, c in spans)
    kept: list[tuple[int, int, str]] = []
    dropped = 0
    for span in spans:
        start, end, canonical = span
        if kept and count[canonical] > expected[canonical]:
            p_start, p_end, p_canonical = kept[-1]
            between = text[p_end:start]
            if p_canonical == canonical and len(between) <= _GAP and not any(c.isalnum() for c in between):
                kept[-1] = (p_start, end, canonical)  # the repeat and what separates it go
                count[canonical] -= 1
                dropped += 1
                continue
        kept.append(span)
    return kept, dropped
