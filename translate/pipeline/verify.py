"""Verify: does a translation hold every source concept in its canonical target form, and nothing else?

A segment passes when every concept recognised in its source is in the output in its exact
canonical target form (as often as in the source), no concept appears that the source did not
have, and no deprecated target term remains (the term judge, ``translate.terms.judge``,
CANONICAL). The verdict is what the JSON Lines record carries. Verification is a function of
the source's matches and the output; it never translates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from translate.glossary.model import Glossary
from translate.terms import Match, find_terms
from translate.terms.judge import Presence, Verdict, judge


def expected_concepts(matches: Iterable[Match], target_lang: str, glossary: Glossary) -> tuple[str, ...]:
    """The concepts of a source sentence's ``matches`` (once per occurrence) that a translation into
    ``target_lang`` must write: those with a canonical form in that language."""
    out = []
    for m in matches:
        concept = glossary.get(m.concept)
        if concept is not None and concept.canonical(target_lang):
            out.append(m.concept)
    return tuple(out)


def verify(expected: Sequence[str], output: str, target_lang: str, glossary: Glossary) -> Verdict:
    """The verdict on ``output`` (in ``target_lang``) against the concepts its source must carry.

    ``expected`` lists a concept once per occurrence in the source; the output must hold its
    canonical form at least as often, written exactly.
    """
    return judge(expected, find_terms(output, target_lang, glossary), Presence.CANONICAL)
