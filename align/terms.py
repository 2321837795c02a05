"""Glossary terms for alignment and scoring, through ``translate.terms``.

One recogniser pass per sentence gives the three things ``align`` needs from a glossary:
``Anchor("concept", id)`` per sentence (so "Хай Дуонгом" anchors to "Hai Duong"; see
``align.documents``), the :class:`~translate.terms.Match` lists the term metrics count, and the
term links inside an aligned pair (which source span goes with which target span, per concept:
:func:`link_terms`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from translate.glossary.model import Glossary
from translate.terms import Match, find_terms

Recognise = Callable[[str, str], list[Match]]  # (segment text, lang) → matches


@dataclass(frozen=True)
class TermLink:
    """One concept occurrence of an aligned pair: its source span, its target span, or both.

    ``tgt is None``: a source term with no counterpart in the target (missing or mistranslated);
    ``src is None``: a target term the source does not have.
    """

    concept: str
    src: Match | None
    tgt: Match | None


def glossary_recogniser(glossary: Glossary) -> Recognise:
    """A ``Recognise`` callable over ``glossary`` (memoised per segment), for ``align.score``."""

    @lru_cache(maxsize=65536)
    def recognise(text: str, lang: str) -> tuple[Match, ...]:
        return tuple(find_terms(text, lang, glossary))

    return lambda text, lang: list(recognise(text, lang))


def link_terms(src: Sequence[Match], tgt: Sequence[Match]) -> list[TermLink]:
    """Pair the matches of a source and a target text concept by concept, the k-th occurrence
    of a concept in the source with its k-th occurrence in the target; the rest stay unpaired.
    Links come in source order, target-only ones last (in target order)."""
    by_concept: dict[str, list[Match]] = defaultdict(list)
    for m in sorted(tgt, key=lambda m: m.offset):
        by_concept[m.concept].append(m)
    links = []
    for m in sorted(src, key=lambda m: m.offset):
        pending = by_concept.get(m.concept)
        links.append(TermLink(m.concept, m, pending.pop(0) if pending else None))
    rest = sorted((m for ms in by_concept.values() for m in ms), key=lambda m: m.offset)
    links.extend(TermLink(m.concept, None, m) for m in rest)
    return links


def align_terms(
    src_text: str, tgt_text: str, src_lang: str, tgt_lang: str, glossary: Glossary
) -> list[TermLink]:
    """Term links of one aligned pair: offsets are into ``src_text`` and ``tgt_text``."""
    return link_terms(find_terms(src_text, src_lang, glossary), find_terms(tgt_text, tgt_lang, glossary))
