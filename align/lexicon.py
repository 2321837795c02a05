"""A second alignment pass: a word-pair lexicon learnt from the first pass's beads.

Words that keep occurring on the two sides of the same beads are probably translations of each
other (de "Gipfel" / fr "sommet"). Counting co-occurrences over the beads of a first alignment
and keeping the pairs with a high Dice coefficient gives a small bilingual lexicon, learnt from
the documents themselves (no gold, no dictionary: hunalign's and Moore's idea). Each pair then
becomes an anchor, ``Anchor("lex", "gipfel\\tsommet")``, on every source sentence holding the
first word and every target sentence holding the second, for a second pass. Statistics from
one short document are thin; pooled over several documents (:class:`Cooccurrences`) the
lexicon grows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from align.bead import Anchor, Bead
from align.length import pooled_model
from align.model1 import cross_fitted_costs
from align.scripts import tokens
from align.sentences import (
    AlignerConfig,
    Alignment,
    BeadCost,
    Progress,
    fit_alignment,
    fixed_model,
    summed_costs,
)

MIN_WORD = 3  # letters


def sentence_words(sentence: str) -> frozenset[str]:
    """The folded words of ``sentence`` of at least ``MIN_WORD`` letters, character n-grams in
    scripts written without spaces (``align.scripts.tokens``)."""
    return frozenset(w for _, w in tokens(sentence, MIN_WORD))


@dataclass(frozen=True)
class Lexicon:
    """Word pairs (source word, target word), both folded."""

    pairs: frozenset[tuple[str, str]]

    def anchors(self, sentences: Sequence[str], side: str) -> list[frozenset[Anchor]]:
        """A ``lex`` anchor per pair whose ``side`` ("src" or "tgt") word is in the sentence."""
        index: dict[str, list[str]] = defaultdict(list)
        for s, t in self.pairs:
            index[s if side == "src" else t].append(f"{s}\t{t}")
        return [
            frozenset(Anchor("lex", key) for w in sentence_words(x) for key in index.get(w, ()))
            for x in sentences
        ]


@dataclass
class Cooccurrences:
    """Counts of words and of word pairs over the two-sided beads of alignments."""

    src: Counter[str] = field(default_factory=Counter)
    tgt: Counter[str] = field(default_factory=Counter)
    both: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, src: Sequence[str], tgt: Sequence[str], beads: Sequence[Bead]) -> None:
        """Count the words of each bead with both sides."""
        sw = [sentence_words(s) for s in src]
        tw = [sentence_words(t) for t in tgt]
        for b in beads:
            if not (b.src and b.tgt):
                continue
            a = frozenset().union(*(sw[i] for i in b.src))
            c = frozenset().union(*(tw[j] for j in b.tgt))
            self.src.update(a)
            self.tgt.update(c)
            # Sorted: pairs are counted in document order, then alphabetically, whatever the
            # hash seed, so lexicon() breaks ties the same way every run.
            self.both.update((x, y) for x in sorted(a) for y in sorted(c))

    def lexicon(self, min_count: int = 2, min_dice: float = 0.3) -> Lexicon:
        """The pairs seen together at least ``min_count`` times with Dice ≥ ``min_dice`` and each
        word the other's best partner by Dice (identical words compete too but are then left
        out: the ``word`` anchors already have them)."""
        best_s: dict[str, tuple[float, str]] = {}
        best_t: dict[str, tuple[float, str]] = {}
        for (x, y), n in self.both.items():
            if n < min_count:
                continue
            d = 2 * n / (self.src[x] + self.tgt[y])
            if d >= min_dice:
                if d > best_s.get(x, (0.0, ""))[0]:
                    best_s[x] = (d, y)
                if d > best_t.get(y, (0.0, ""))[0]:
                    best_t[y] = (d, x)
        return Lexicon(frozenset(
            (x, y) for x, (_, y) in best_s.items() if x != y and best_t[y][1] == x
        ))


AnchoredDocument = tuple[Sequence[str], Sequence[str], Sequence[frozenset[Anchor]], Sequence[frozenset[Anchor]]]


def align_two_pass(
    docs: Sequence[AnchoredDocument],
    config: AlignerConfig | None = None,
    *,
    pooled: bool = True,
    min_count: int = 2,
    min_dice: float = 0.3,
    bead_costs: Sequence[BeadCost | None] | None = None,
    progress: Progress | None = None,
) -> list[list[Bead]]:
    """Align each (src, tgt, src anchors, tgt anchors) document, learn a lexicon from the beads
    (over all documents when ``pooled``, else per document) and align again with its anchors
    (with the first pass's length model, near its path): :func:`first_passes`, then
    :func:`lexicon_pass`."""
    fits = first_passes(docs, config, bead_costs)
    return lexicon_pass(docs, fits, config, pooled=pooled, min_count=min_count, min_dice=min_dice,
                        bead_costs=bead_costs, progress=progress)


def first_passes(docs: Sequence[AnchoredDocument], config: AlignerConfig | None = None,
                 bead_costs: Sequence[BeadCost | None] | None = None) -> list[Alignment]:
    """Each document aligned with its own anchors and fitted length model (no lexicon)."""
    costs = list(bead_costs) if bead_costs is not None else [None] * len(docs)
    return [fit_alignment(s, t, sa, ta, config=config, bead_cost=c) for (s, t, sa, ta), c in zip(docs, costs)]


def lexicon_pass(
    docs: Sequence[AnchoredDocument],
    fits: Sequence[Alignment],
    config: AlignerConfig | None = None,
    *,
    pooled: bool = True,
    min_count: int = 2,
    min_dice: float = 0.3,
    bead_costs: Sequence[BeadCost | None] | None = None,
    progress: Progress | None = None,
) -> list[list[Bead]]:
    """The second pass over the first passes ``fits`` of ``docs``: a lexicon learnt from their beads
    (pooled or per document), its anchors added, each document aligned again near its first
    path with its first length model — or, with ``config.pool_length`` and several documents,
    one length model fitted to all their first-pass beads (``align.length.pooled_model``). Pooled,
    with ``config.model1_weight`` and several documents, each document's beads also pay the Model 1
    cost learnt from the other documents' first passes (``align.model1``). ``progress(done, total)``
    is called after each document."""
    config = config or AlignerConfig()
    costs: list[BeadCost | None] = list(bead_costs) if bead_costs is not None else [None] * len(docs)
    first = [f.beads for f in fits]
    models = [f.model for f in fits]
    pool_length = config.pool_length and len(docs) > 1
    if pool_length:
        shared = pooled_model([(s, t, b) for (s, t, _, _), b in zip(docs, first)], base_priors=config.priors,
                              prior_strength=config.prior_strength, skip_offset=config.skip_offset,
                              units=config.units, variance_scale=config.variance_scale)
        models = [fixed_model(shared, config)] * len(docs)
    if pooled:
        counts = Cooccurrences()
        for (s, t, _, _), beads in zip(docs, first):
            counts.add(s, t, beads)
        lexicons = [counts.lexicon(min_count, min_dice)] * len(docs)
    else:
        lexicons = []
        for (s, t, _, _), beads in zip(docs, first):
            counts = Cooccurrences()
            counts.add(s, t, beads)
            lexicons.append(counts.lexicon(min_count, min_dice))
    model1 = pooled and config.model1_weight > 0 and len(docs) > 1
    if model1:
        extra = cross_fitted_costs([(s, t, b) for (s, t, _, _), b in zip(docs, first)], config.model1_weight)
        costs = [summed_costs(c, m) for c, m in zip(costs, extra)]
    out = []
    for (s, t, sa, ta), lex, beads, model, c in zip(docs, lexicons, first, models, costs):
        if not lex.pairs and not pool_length and not model1:
            out.append(beads)
        else:
            sa2 = [a | b for a, b in zip(sa, lex.anchors(s, "src"))]
            ta2 = [a | b for a, b in zip(ta, lex.anchors(t, "tgt"))]
            # The length model, and the first path as the corridor of the search.
            out.append(fit_alignment(s, t, sa2, ta2, config=config, bead_cost=c, model=model, guide=beads).beads)
        if progress is not None:
            progress(len(out), len(docs))
    return out
