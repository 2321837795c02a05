"""Verify one translated segment against the glossary, and keep score of the repair strategies.

A segment passes when every concept recognised in its source is in the output in its exact
canonical target form (as often as in the source), no concept appears that the source did
not have, and no deprecated target term remains. The verdict is what the JSON Lines record
carries. ``translate_verified`` runs a hop: protect, translate, restore, verify, and for a
failing segment the repair strategies in order, keeping the best output and its strategy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from translate.enforce import canonicalise, protect, restore
from translate.glossary.model import Glossary
from translate.terms import find_terms
from translate.terms.judge import Presence, Verdict, judge

PROTECT = "protect"  # terms replaced by their canonical forms, restored after translation
RECOGNISE = "protect+recognise"  # the same output, other renderings the recogniser knows rewritten
TERM_LEFT_IN = "term-left-in"  # failing terms left for the model, its renderings found and rewritten
STRATEGIES = (PROTECT, RECOGNISE, TERM_LEFT_IN)


@dataclass(frozen=True)
class Checked:
    """An output, the strategy that produced it and its verdict."""

    text: str
    strategy: str
    verdict: Verdict


def verify(expected: Sequence[str], output: str, target_lang: str, glossary: Glossary) -> Verdict:
    """Check ``output`` (in ``target_lang``) against the concept ids recognised in its source.

    ``expected`` lists a concept once per occurrence in the source; the output must hold its
    canonical form at least as often, written exactly (``translate.terms.judge``, CANONICAL).
    """
    return judge(expected, find_terms(output, target_lang, glossary), Presence.CANONICAL)


def best(candidates: Sequence[Checked]) -> Checked:
    """The first passing candidate, else the one with the fewest faults (earliest on a tie)."""
    for c in candidates:
        if c.verdict.ok:
            return c
    return min(candidates, key=lambda c: c.verdict.faults)


def translate_verified(texts: Sequence[str], source_lang: str, target_lang: str, glossary: Glossary,
                       translate: Callable[[list[str]], dict[str, str]]) -> dict[str, Checked]:
    """Translate unique ``texts`` with the glossary enforced; each text's best checked output.

    ``translate`` maps a list of unique sentences to their raw model translations. Strategies:
    PROTECT (terms replaced by canonical surrogates, restored after), then for a failing
    segment RECOGNISE (the target recogniser rewrites renderings it knows in the same output,
    no model call), then TERM_LEFT_IN (the sentence translated again with the missing terms
    left as written and the others protected; the renderings the model chose are found by
    the target recogniser, fuzzy for names, and rewritten in canonical form).
    """
    protected = {t: protect(t, source_lang, target_lang, glossary) for t in texts}
    raw = translate(list(dict.fromkeys(p.text for p in protected.values())))
    results: dict[str, Checked] = {}
    failing: list[str] = []
    for t, p in protected.items():
        restored = restore(raw[p.text], p, target_lang).text
        result = Checked(restored, PROTECT, verify(p.concepts, restored, target_lang, glossary))
        if not result.verdict.ok and p.slots:
            again = canonicalise(restored, p.concepts, target_lang, glossary)
            result = best([result, Checked(again, RECOGNISE, verify(p.concepts, again, target_lang, glossary))])
            if not result.verdict.ok:
                failing.append(t)
        results[t] = result
    if failing:
        retry = {t: protect(t, source_lang, target_lang, glossary, leave=set(results[t].verdict.missing))
                 for t in failing}
        raw = translate(list(dict.fromkeys(p.text for p in retry.values())))
        for t, p in retry.items():
            out = restore(raw[p.text], p, target_lang).text
            out = canonicalise(out, protected[t].concepts, target_lang, glossary)
            concepts = protected[t].concepts
            results[t] = best([results[t], Checked(out, TERM_LEFT_IN, verify(concepts, out, target_lang, glossary))])
    return results
