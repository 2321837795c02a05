"""Sentence alignment by dynamic programming over beads: Gale–Church length cost plus anchors.

The cost of a bead is the Gale–Church cost of its character lengths (with the length ratio of
the document pair) minus the weights of the anchors both sides share, plus penalties for
anchors of some kinds (numbers, paragraph breaks) found on one side only, plus any extra
``bead_cost`` (the hook for a translation-based score, Bleualign-style). The search runs in a
band around the diagonal and widens the band when the best path touches its edge.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from align.bead import Anchor, Bead
from translate.errors import UsageError

# Gale & Church (1993) priors, as in NLTK's gale_church.
GC_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011,
}
GC_VARIANCE = 6.8
# backtrans' priors: Gale–Church's plus 3-1 and 1-3 beads (2 % of Text+Berg's gold beads).
PRIORS: dict[tuple[int, int], float] = {**GC_PRIORS, (3, 1): 0.01, (1, 3): 0.01}

# Reward (nats) for an anchor shared by both sides of a bead, before the rarity factor.
DEFAULT_WEIGHTS: dict[str, float] = {
    "number": 3.0, "word": 1.5, "prefix": 2.0, "punct": 0.7, "para": 2.0, "concept": 3.0,
    "lex": 2.0,  # a word pair of the second pass's lexicon (align.lexicon)
    # A pair of look-alike words (align.anchors.cognate_anchors; not among the default anchors:
    # on Text+Berg it gained 0.005 strict F1 per document, 0 leave-one-out, lost 0.004 pooled).
    "cognate": 2.5,
}
# Penalty (nats) for an anchor of this kind on one side of a bead (with two sides) only. (A penalty on numbers
# lowered the Text+Berg figures: OCR noise, footnote marks and spelled-out numbers.)
DEFAULT_PENALTIES: dict[str, float] = {"para": 1.0, "concept": 1.0}

BeadCost = Callable[[tuple[int, ...], tuple[int, ...]], float]


@dataclass(frozen=True)
class AlignerConfig:
    """Knobs of :func:`align_sentences`; the defaults were tuned on Text+Berg de–fr."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    penalties: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_PENALTIES))
    priors: Mapping[tuple[int, int], float] = field(default_factory=lambda: dict(PRIORS))
    variance: float = 12.0  # Gale–Church's 6.8 suits sentence-split parallel text less well
    length_ratio: float | None = None  # target chars per source char; None: the documents' ratio
    rarity: bool = True  # scale anchor weights down for anchors found in many sentences
    band: int = 20  # initial half-width of the search band, in sentences
    # Cost of a deletion or insertion bead, replacing its length and prior cost (as vecalign's
    # flat deletion penalty); None: Gale–Church's own cost of the empty side.
    skip_cost: float | None = 3.0


def _log_sf(x: float) -> float:
    """log P(Z > x) for a standard normal Z, stable for large x."""
    if x < 30:
        return math.log(max(0.5 * math.erfc(x / math.sqrt(2)), 1e-300))
    return -x * x / 2 - math.log(x * math.sqrt(2 * math.pi))


def length_cost(ls: int, lt: int, ratio: float, variance: float = GC_VARIANCE) -> float:
    """Gale–Church −log P(δ) for source and target lengths ``ls``, ``lt`` (characters)."""
    if ls == 0 and lt == 0:
        return 0.0
    mean = (ls + lt / ratio) / 2
    delta = (ls * ratio - lt) / math.sqrt(max(mean, 1e-9) * variance)
    return -(math.log(2) + _log_sf(abs(delta)))


def _anchor_weights(
    src: Sequence[frozenset[Anchor]], tgt: Sequence[frozenset[Anchor]], config: AlignerConfig
) -> dict[Anchor, float]:
    """Weight of each anchor: its kind's weight, lowered when it occurs in many sentences."""
    df_s: dict[Anchor, int] = {}
    df_t: dict[Anchor, int] = {}
    for sets, df in ((src, df_s), (tgt, df_t)):
        for s in sets:
            for a in s:
                df[a] = df.get(a, 0) + 1
    out = {}
    ns, nt = max(len(src), 1), max(len(tgt), 1)
    for a in df_s.keys() & df_t.keys():
        w = config.weights.get(a.kind, 0.0)
        if config.rarity and a.kind != "para":
            # Inverse document frequency over the sentences, 1 for an anchor in one sentence.
            frequency = max(df_s[a], df_t[a])
            n = max(ns, nt) + 1
            w *= math.log(n / frequency) / math.log(n)
        out[a] = w
    return out


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    src_anchors: Sequence[frozenset[Anchor]] | None = None,
    tgt_anchors: Sequence[frozenset[Anchor]] | None = None,
    config: AlignerConfig | None = None,
    bead_cost: BeadCost | None = None,
) -> list[Bead]:
    """Align two sentence lists; returns the beads in document order.

    ``src_anchors[i]`` is the set of anchors of ``src[i]`` (see ``align.anchors``); without
    anchors this is Gale–Church with the documents' length ratio. ``bead_cost(src_ids,
    tgt_ids)`` may add a cost (nats) per candidate bead, e.g. from a translation model.
    """
    config = config or AlignerConfig()
    n, m = len(src), len(tgt)
    if src_anchors is None:
        src_anchors = [frozenset()] * n
    if tgt_anchors is None:
        tgt_anchors = [frozenset()] * m
    if len(src_anchors) != n or len(tgt_anchors) != m:
        raise UsageError(f"one anchor set per sentence is required ({n} and {m} sentences, "
                         f"{len(src_anchors)} and {len(tgt_anchors)} anchor sets)")
    ls = [len(s.strip()) for s in src]
    lt = [len(t.strip()) for t in tgt]
    ratio = config.length_ratio or (sum(lt) / sum(ls) if sum(ls) and sum(lt) else 1.0)
    weights = _anchor_weights(src_anchors, tgt_anchors, config)
    penalties = config.penalties
    scorer = _BeadScorer(ls, lt, src_anchors, tgt_anchors, ratio, config, weights, penalties, bead_cost)
    band = max(config.band, 1)
    while True:
        path, touched = _search(n, m, band, scorer)
        if not touched or band >= max(n, m):
            return path
        band *= 2


class _BeadScorer:
    def __init__(self, ls: list[int], lt: list[int], sa: Sequence[frozenset[Anchor]], ta: Sequence[frozenset[Anchor]],
                 ratio: float, config: AlignerConfig, weights: dict[Anchor, float],
                 penalties: Mapping[str, float], bead_cost: BeadCost | None) -> None:
        self.ls, self.lt, self.sa, self.ta = ls, lt, sa, ta
        self.ratio, self.variance = ratio, config.variance
        self.prior = {k: -math.log(v) for k, v in config.priors.items()}
        self.weights, self.penalties, self.bead_cost = weights, penalties, bead_cost
        self.skip_cost = config.skip_cost
        self.types = tuple(config.priors)

    def __call__(self, i: int, j: int, di: int, dj: int) -> float:
        """Cost of the bead src[i-di:i] ↔ tgt[j-dj:j]."""
        if self.skip_cost is not None and not (di and dj):
            cost = self.skip_cost
        else:
            cost = self.prior[(di, dj)] + length_cost(
                sum(self.ls[i - di:i]), sum(self.lt[j - dj:j]), self.ratio, self.variance
            )
        a = frozenset().union(*self.sa[i - di:i]) if di else frozenset()
        b = frozenset().union(*self.ta[j - dj:j]) if dj else frozenset()
        if a and b:
            w = self.weights
            cost -= math.fsum(w.get(x, 0.0) for x in a & b)
        if self.penalties and di and dj:
            # Only where the other side could have had the anchor: not in a deletion/insertion.
            p = self.penalties
            cost += math.fsum(p.get(x.kind, 0.0) for x in a ^ b)
        if self.bead_cost is not None:
            cost += self.bead_cost(tuple(range(i - di, i)), tuple(range(j - dj, j)))
        return cost


def _search(n: int, m: int, band: int, cost: _BeadScorer) -> tuple[list[Bead], bool]:
    """Best path through cells within ``band`` of the diagonal; also whether it touched the edge."""

    def bounds(i: int) -> tuple[int, int]:
        c = round(i * m / n) if n else 0
        return max(0, c - band), min(m, c + band)

    inf = math.inf
    rows: list[dict[int, tuple[float, int, int, float]]] = []
    for i in range(n + 1):
        lo, hi = bounds(i)
        if i == n:
            hi = m
        if i == 0:
            lo = 0
        row: dict[int, tuple[float, int, int, float]] = {}
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[j] = (0.0, 0, 0, 0.0)
                continue
            best = (inf, 0, 0, 0.0)
            for di, dj in cost.types:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev = (rows[pi] if pi < i else row).get(pj)
                if prev is None or prev[0] == inf:
                    continue
                c = cost(i, j, di, dj)
                if prev[0] + c < best[0]:
                    best = (prev[0] + c, di, dj, c)
            row[j] = best
        rows.append(row)
    if m not in rows[n] or rows[n][m][0] == inf:
        return [], True
    beads: list[Bead] = []
    touched = False
    i, j = n, m
    while i or j:
        _, di, dj, c = rows[i][j]
        lo, hi = bounds(i)
        if (j == lo and lo > 0) or (j == hi and hi < m):
            touched = True
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), -c))
        i, j = i - di, j - dj
    beads.reverse()
    return beads, touched


def gale_church(src: Sequence[str], tgt: Sequence[str]) -> list[Bead]:
    """Plain Gale–Church (1993): length cost only, ratio 1, variance 6.8, no anchors."""
    config = AlignerConfig(
        priors=dict(GC_PRIORS), variance=GC_VARIANCE, length_ratio=1.0, skip_cost=None
    )
    return align_sentences(src, tgt, config=config)
