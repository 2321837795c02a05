"""One hop of a translation with the glossary enforced: protect → translate → restore → verify → repair.

This is the one place where enforcement happens. For each unique sentence of the hop:

1. ``PROTECT``: its terms are replaced by their canonical target forms (``protect``), the model
   translates, ``restore`` writes the canonical forms back, ``verify`` judges the output;
2. a failing output is tried again as ``RECOGNISE``: the target recogniser rewrites the
   renderings it knows in the same output (``canonicalise``; no model call);
3. still failing, ``TERM_LEFT_IN``: the sentence is translated again with the missing terms
   left as written and the others protected, and the renderings the model chose are found by
   the target recogniser (fuzzy for names) and rewritten in canonical form.

The best output (the first that passes, else the one with the fewest faults) and the strategy
that produced it are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from translate.glossary.model import Glossary
from translate.pipeline.protect import protect
from translate.pipeline.restore import canonicalise, restore
from translate.pipeline.verify import verify
from translate.terms import Match, find_terms
from translate.terms.judge import Verdict

Translate = Callable[[list[str]], dict[str, str]]  # unique sentences → their raw model translations


class Strategy(str, Enum):
    """How a hop's output was obtained (its text value is what the JSON Lines records say)."""

    PROTECT = "protect"  # terms replaced by their canonical forms, restored after translation
    RECOGNISE = "protect+recognise"  # the same output, other renderings the recogniser knows rewritten
    TERM_LEFT_IN = "term-left-in"  # failing terms left for the model, its renderings found and rewritten

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Checked:
    """An output, the strategy that produced it (None: translated without a glossary) and its verdict."""

    text: str
    strategy: Strategy | None
    verdict: Verdict


def best(candidates: Sequence[Checked]) -> Checked:
    """The first passing candidate, else the one with the fewest faults (earliest on a tie)."""
    for c in candidates:
        if c.verdict.ok:
            return c
    return min(candidates, key=lambda c: c.verdict.faults)


def translate_hop(texts: Sequence[str], source_lang: str, target_lang: str, glossary: Glossary,
                  translate: Translate, matches: Mapping[str, Sequence[Match]] | None = None) -> dict[str, Checked]:
    """Translate unique ``texts`` with the glossary enforced; each text's best checked output.

    ``matches`` gives the terms of texts already recognised (a run's source sentences, found
    once per run); the others (the English of a pivot) are recognised here, once.
    """
    found = {t: matches[t] if matches is not None and t in matches else find_terms(t, source_lang, glossary)
             for t in texts}
    protected = {t: protect(t, found[t], target_lang, glossary) for t in texts}
    raw = translate(list(dict.fromkeys(p.text for p in protected.values())))
    results: dict[str, Checked] = {}
    failing: list[str] = []
    for t, p in protected.items():
        restored = restore(raw[p.text], p, target_lang).text
        result = Checked(restored, Strategy.PROTECT, verify(p.concepts, restored, target_lang, glossary))
        if not result.verdict.ok and p.slots:
            again = canonicalise(restored, p.concepts, target_lang, glossary)
            result = best([result, Checked(again, Strategy.RECOGNISE, verify(p.concepts, again, target_lang, glossary))])
            if not result.verdict.ok:
                failing.append(t)
        results[t] = result
    if failing:
        retry = {t: protect(t, found[t], target_lang, glossary, leave=set(results[t].verdict.missing)) for t in failing}
        raw = translate(list(dict.fromkeys(p.text for p in retry.values())))
        for t, p in retry.items():
            concepts = protected[t].concepts
            out = canonicalise(restore(raw[p.text], p, target_lang).text, concepts, target_lang, glossary)
            results[t] = best([results[t], Checked(out, Strategy.TERM_LEFT_IN, verify(concepts, out, target_lang, glossary))])
    return results
