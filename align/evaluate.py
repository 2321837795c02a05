"""Strict and lax precision, recall and F1 over beads, as in vecalign's and bertalign's ``score.py``.

Precision counts every test bead that is not empty on both sides (deletions and insertions
included): strict when the bead is in the gold set, lax when some target sentence of the bead
is aligned in gold to some source sentence of the bead. Recall is the same count with gold and
test swapped after removing deletions and insertions from both. Counts are summed over all
documents before dividing (micro average), as ``score_multiple`` does.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from align.bead import Bead
from translate.errors import FormatError, UsageError
from translate.files import read_text

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class AlignmentScores:
    """Strict and lax precision, recall and F1."""

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def read_gold(path: Path | str) -> list[Pair]:
    """Read an alignment file with one bead a line, ``[9, 10]:[9]``."""
    out = []
    for lineno, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            left, right = line.split(":")
            src, tgt = ast.literal_eval(left.strip()), ast.literal_eval(right.strip())
            out.append((tuple(int(x) for x in src), tuple(int(x) for x in tgt)))
        except (ValueError, SyntaxError, TypeError):
            raise FormatError(f"not an alignment bead like [1, 2]:[3]: {line!r}", path, lineno) from None
    return out


def as_pairs(beads: Iterable[Bead | Pair]) -> list[Pair]:
    """Beads as (source ids, target ids) tuples."""
    return [(tuple(b.src), tuple(b.tgt)) if isinstance(b, Bead) else (tuple(b[0]), tuple(b[1])) for b in beads]


def _counts(gold: Iterable[Pair], test: Iterable[Pair]) -> tuple[int, int, int, int]:
    """(tp strict, fp strict, tp lax, fp lax) of ``test`` against ``gold``."""
    test_set = {(tuple(s), tuple(t)) for s, t in test if s or t}
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    gold_tgt_of: dict[int, set[int]] = defaultdict(set)
    for s, t in gold_set:
        for i in s:
            gold_tgt_of[i].update(t)
    tps = fps = tpl = fpl = 0
    for s, t in test_set:
        if (s, t) in gold_set:
            tps += 1
            tpl += 1
            continue
        fps += 1
        if set(t) & {j for i in s for j in gold_tgt_of[i]}:
            tpl += 1
        else:
            fpl += 1
    return tps, fps, tpl, fpl


def _ratio(a: int, b: int) -> float:
    return a / (a + b) if a + b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_alignments(gold: Sequence[Sequence[Pair]], test: Sequence[Sequence[Bead | Pair]]) -> AlignmentScores:
    """Scores of several test alignments against their gold ones, counts summed over documents."""
    if len(gold) != len(test):
        raise UsageError(f"{len(gold)} gold alignments but {len(test)} test alignments")
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for g, t in zip(gold, test):
        g, t = as_pairs(g), as_pairs(t)
        p = [x + y for x, y in zip(p, _counts(g, t))]
        g11 = [(s, u) for s, u in g if s and u]
        t11 = [(s, u) for s, u in t if s and u]
        r = [x + y for x, y in zip(r, _counts(t11, g11))]
    ps, pl = _ratio(p[0], p[1]), _ratio(p[2], p[3])
    rs, rl = _ratio(r[0], r[1]), _ratio(r[2], r[3])
    return AlignmentScores(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl))
