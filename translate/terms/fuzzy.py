"""The fuzzy tier: capitalised names close to a glossary name after transliteration to Latin.

A suspect is never a match: it is reported with ``how=How.FUZZY`` and a score in (0, 1) so a
person can decide whether it is a new spelling of a known name ("Хай Зионг" for "Хайзионг").
"""

from __future__ import annotations

import re
import weakref

from rapidfuzz import fuzz, process

from translate.glossary.model import Concept
from translate.langs import Language
from translate.terms.match import How, Match
from translate.terms.recogniser import Recogniser, is_name

THRESHOLD = 86.0  # rapidfuzz ratio (0-100) from which a candidate is reported
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MAX_WORDS = 4
Choices = tuple[list[str], list[tuple[Concept, str]]]  # keys to compare, and each key's (concept, term)
# The names of each recogniser's glossary, made ready once while the recogniser lives.
_CHOICES: weakref.WeakKeyDictionary[Recogniser, Choices] = weakref.WeakKeyDictionary()


def _key(lang: Language, text: str) -> str:
    return "".join(lang.transliterate(text).split())


def _choices(recogniser: Recogniser) -> Choices:
    cached = _CHOICES.get(recogniser)
    if cached is not None:
        return cached
    lang = recogniser.lang
    keys: list[str] = []
    owners: list[tuple[Concept, str]] = []
    for concept in recogniser.glossary:
        if not is_name(concept):
            continue
        # in the glossary's order (a set's order changes between processes, and so would ties)
        texts = dict.fromkeys([t.text for t in concept.terms_in(lang.code)] + [concept.en])
        for text in texts:
            key = _key(lang, text)
            if len(key) >= 4:
                keys.append(key)
                owners.append((concept, text))
    _CHOICES[recogniser] = (keys, owners)
    return keys, owners


def find_suspects(text: str, recogniser: Recogniser, matches: list[Match]) -> list[Match]:
    """Suspected variants of glossary names in ``text`` that ``matches`` do not already cover."""
    keys, owners = _choices(recogniser)
    if not keys:
        return []
    lang = recogniser.lang
    cased = lang.cased
    covered: dict[int, list[tuple[int, int]]] = {}
    for m in matches:
        covered.setdefault(m.line, []).append((m.start, m.end))
    found: list[Match] = []
    line_start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        words = [w.span() for w in _WORD.finditer(line) if not cased or w.group()[0].isupper()]
        taken = list(covered.get(number, []))
        candidates = []
        for i, (start, _) in enumerate(words):
            for end in reversed(_run_ends(line, words, i)):  # the longest run first
                if any(start < e and s < end for s, e in taken):
                    continue
                query = _key(lang, line[start:end])
                if len(query) < 5:
                    continue
                best = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=THRESHOLD)
                if best is not None:
                    candidates.append((best[1], end - start, start, end, best[2]))
        candidates.sort(key=lambda c: (-c[0], -c[1]))
        for score, _, start, end, index in candidates:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            concept, term = owners[index]
            found.append(Match(line=number, start=start, end=end, surface=line[start:end],
                               concept=concept.id, term=term, how=How.FUZZY, en=concept.en,
                               vi=concept.vi, score=round(min(score, 99.0) / 100, 2),
                               offset=line_start + start))
        line_start += len(line) + 1
    return found


def _run_ends(line: str, words: list[tuple[int, int]], i: int) -> list[int]:
    """Where the runs of 1 to _MAX_WORDS words from ``words[i]`` end, words apart by spaces only."""
    ends = [words[i][1]]
    for prev, (start, end) in zip(words[i:], words[i + 1:i + _MAX_WORDS]):
        if line[prev[1]:start].strip():
            break
        ends.append(end)
    return ends
