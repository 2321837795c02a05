"""Glossary terms for alignment and scoring, through ``translate.recognise``.

One recogniser pass per sentence (:func:`find_matches`) gives the three things ``align``
needs from a glossary: ``Anchor("concept", id)`` per sentence (so "Хай Дуонгом" anchors to
"Hai Duong"; see ``align.documents``), the :class:`TermMatch` lists the term metrics count,
and the term links inside an aligned pair (which source span goes with which target span,
per concept: :func:`link_terms`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from translate.glossary.model import Glossary, Status


@dataclass(frozen=True)
class TermMatch:
    """A glossary concept found in a segment: character span [start, end) and the term used."""

    concept: str
    start: int
    end: int
    surface: str = ""
    term: str = ""  # the glossary term matched (its canonical text), for consistency
    deprecated: bool = False  # the matched term has status deprecated
    how: str = "exact"  # exact, inflected, clitic, folded (see translate.terms.match)


Recognise = Callable[[str, str], list[TermMatch]]  # (segment text, lang) → matches


@dataclass(frozen=True)
class TermLink:
    """One concept occurrence of an aligned pair: its source span, its target span, or both.

    ``tgt is None``: a source term with no counterpart in the target (missing or mistranslated);
    ``src is None``: a target term the source does not have.
    """

    concept: str
    src: TermMatch | None
    tgt: TermMatch | None


def _is_deprecated(glossary: Glossary, concept_id: str, term: str, lang: str) -> bool:
    concept = glossary.get(concept_id)
    return concept is not None and concept.status_of(term, lang) is Status.DEPRECATED


def find_matches(text: str, lang: str, glossary: Glossary) -> list[TermMatch]:
    """The glossary concepts in ``text`` (offsets into the whole text), deprecated terms flagged."""
    from translate.recognise import Recogniser

    out = []
    for m in Recogniser.for_glossary(glossary, lang).find(text):
        out.append(TermMatch(
            m.concept, m.offset, m.offset + (m.end - m.start), m.surface, m.term,
            _is_deprecated(glossary, m.concept, m.term, lang), m.how,
        ))
    return out


def glossary_recogniser(glossary: Glossary) -> Recognise:
    """A ``Recognise`` callable over ``glossary`` (memoised per segment), for ``align.score``."""

    @lru_cache(maxsize=65536)
    def recognise(text: str, lang: str) -> tuple[TermMatch, ...]:
        return tuple(find_matches(text, lang, glossary))

    return lambda text, lang: list(recognise(text, lang))


def link_terms(src: Sequence[TermMatch], tgt: Sequence[TermMatch]) -> list[TermLink]:
    """Pair the matches of a source and a target text concept by concept, the k-th occurrence
    of a concept in the source with its k-th occurrence in the target; the rest stay unpaired.
    Links come in source order, target-only ones last (in target order)."""
    by_concept: dict[str, list[TermMatch]] = defaultdict(list)
    for m in sorted(tgt, key=lambda m: m.start):
        by_concept[m.concept].append(m)
    links = []
    for m in sorted(src, key=lambda m: m.start):
        pending = by_concept.get(m.concept)
        links.append(TermLink(m.concept, m, pending.pop(0) if pending else None))
    rest = sorted((m for ms in by_concept.values() for m in ms), key=lambda m: m.start)
    links.extend(TermLink(m.concept, None, m) for m in rest)
    return links


def align_terms(
    src_text: str, tgt_text: str, src_lang: str, tgt_lang: str, glossary: Glossary
) -> list[TermLink]:
    """Term links of one aligned pair: offsets are into ``src_text`` and ``tgt_text``."""
    return link_terms(find_matches(src_text, src_lang, glossary), find_matches(tgt_text, tgt_lang, glossary))
