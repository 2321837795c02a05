"""Sentence alignment by dynamic programming over beads: a fitted length model plus anchors.

The cost of a bead is its type's prior cost plus the Gale–Church cost of its lengths under a
length model fitted to the document pair (``align.length``: unit, ratio, variance, priors and
deletion cost estimated by hard EM over a first pass; by default the length cost levels off at
the cost of one skip, ``cap_at_skip``), minus the weights of the anchors both
sides share, plus penalties for anchors of some kinds (paragraph breaks, concepts) found on one
side only, plus optionally a cost when one side of a bead ends with a full stop and the other weakly
(``boundary_cost``: a fragment cut off by a segmenter belongs with its neighbour), plus any extra
``bead_cost`` (the hook for a translation-based score, Bleualign-style).
Beads go up to 1-4/4-1 and 2-3/3-2. The search (``align.search``) is coarse to fine, in time
about linear in the documents' length.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from align.bead import Anchor, Bead
from align.length import (
    BASE_PRIORS,
    LengthModel,
    LengthUnit,
    fit_model,
    initial_model,
    lengths,
    scaled,
)
from align.scripts import ends_weakly
from align.search import Problem, best_path
from translate.errors import UsageError

# Gale & Church (1993) priors, as in NLTK's gale_church.
GC_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011,
}
GC_VARIANCE = 6.8
PRIORS = BASE_PRIORS  # the bead types the aligner makes, and the priors fitted ones are smoothed towards

# Reward (nats) for an anchor shared by both sides of a bead, before the rarity factor.
DEFAULT_WEIGHTS: dict[str, float] = {
    "number": 3.0, "word": 1.5, "prefix": 2.0, "punct": 0.7, "para": 2.0, "concept": 3.0,
    "lex": 2.0,  # a word pair of the second pass's lexicon (align.lexicon)
    # A pair of look-alike words (align.anchors.cognate_anchors; not among the default anchors:
    # on Text+Berg it gained 0.005 strict F1 per document, 0 leave-one-out, lost 0.004 pooled).
    "cognate": 2.5,
    "name": 2.0,  # a transliterated name (align.anchors.name_anchors), untuned
}
# Penalty (nats) for an anchor of this kind on one side of a bead (with two sides) only. (A penalty on numbers
# lowered the Text+Berg figures: OCR noise, footnote marks and spelled-out numbers.)
DEFAULT_PENALTIES: dict[str, float] = {"para": 1.0, "concept": 1.0}

BeadCost = Callable[[tuple[int, ...], tuple[int, ...]], float]
Progress = Callable[[int, int], None]  # (documents done, documents in all), e.g. of a second pass


def summed_costs(a: BeadCost | None, b: BeadCost | None) -> BeadCost | None:
    """One bead cost that adds ``a``'s and ``b``'s (either may be None: none)."""
    if a is None or b is None:
        return a if b is None else b
    return lambda src, tgt: a(src, tgt) + b(src, tgt)


@dataclass(frozen=True)
class AlignerConfig:
    """Knobs of :func:`align_sentences`. The length model is fitted per document pair; the
    weights and the few scales below were chosen on Text+Berg de–fr (``scripts/eval_align.py``
    reports them held out, each fitted on the other documents)."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    penalties: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_PENALTIES))
    priors: Mapping[tuple[int, int], float] = field(default_factory=lambda: dict(PRIORS))
    # A fixed Gale–Church variance and ratio; None: fitted to the pair (align.length).
    variance: float | None = None
    length_ratio: float | None = None
    # The fitted variance is multiplied by this: it also scales the length cost against the anchors.
    variance_scale: float = 3.0
    relative_variance: float = 10.0  # the first pass's variance over the squared length ratio
    prior_strength: float = 50.0  # pseudo-beads of ``priors`` the fitted priors are smoothed with
    # Added to −log prior of a 1-0 / 0-1 bead: its cost (a flat cost, as vecalign's deletion
    # penalty, not Gale–Church's length cost of an empty side).
    skip_offset: float = -1.0
    # A fixed deletion/insertion cost instead (None: from the fitted priors, as above).
    skip_cost: float | None = None
    # The length units chosen among per pair (by the spread of the 1-1 beads' log ratio; on
    # Text+Berg choosing among all three lost 0.003–0.005 strict F1 against characters alone).
    units: tuple[LengthUnit, ...] = (LengthUnit.chars,)
    fit: bool = True  # re-estimate the length model from the first pass (one hard-EM step)
    rarity: bool = True  # scale anchor weights down for anchors found in many sentences
    full_size: int = 250  # documents up to this many sentences a side: the whole matrix is searched
    corridor: int = 8  # half-width (sentences) of the fine search around the coarse path
    # The anchors shared by a bead of di and dj sentences weigh 1 / (1 + merge_discount · (di + dj − 2)):
    # a longer bead shares a word by chance more often (align.search).
    merge_discount: float = 0.0
    # Several documents of one language pair aligned together (align.lexicon.lexicon_pass): their second
    # pass with one length model fitted to all their first passes instead of each its own.
    pool_length: bool = False
    # The cost (nats) of a bead whose two sides end differently, one with a full stop (. ! ? 。…),
    # the other weakly (: ; , or no mark: a fragment a segmenter cut off, which belongs with the next).
    # 1: on Text+Berg (development) 0.5–1 gained 0.009–0.016 strict F1 over 0 with these defaults;
    # every leave-one-out fold chose 1 or 2 (scripts/eval_align.py --loo).
    boundary_cost: float = 1.0
    # The level a bead's length cost flattens out at (nats; ``LengthModel.length_cap``): OCR'd captions
    # and page furniture inside a sentence spoil its length, and an uncapped cost then prefers a deletion
    # plus an insertion to the true 1-1 bead. None: with ``cap_at_skip`` the fitted model's cost of
    # one deletion or insertion (the lower; not a tuned constant), else no cap.
    # On Text+Berg (development) cap_at_skip gained 0.007 strict F1 per document, 0.006 pooled; the
    # leave-one-out ascent chose it in 2 folds of 7 and on all seven (scripts/eval_align.py --loo).
    length_cap: float | None = None
    cap_at_skip: bool = True
    # Several documents of one language pair aligned together: the weight of the second pass's Model 1
    # bead cost (align.model1, learnt for each document from the other documents' first passes;
    # 0: none). 0.3: on Text+Berg (development, pooled) 0.3 gave strict F1 0.911 and 1 gave 0.897,
    # against 0.900 without.
    model1_weight: float = 0.3


@dataclass(frozen=True)
class Alignment:
    """The beads of a path and the length model they were found with."""

    beads: list[Bead]
    model: LengthModel


def length_cost(ls: int, lt: int, ratio: float, variance: float = GC_VARIANCE) -> float:
    """Gale–Church −log P(|δ|) for source and target lengths ``ls``, ``lt``."""
    if ls == 0 and lt == 0:
        return 0.0
    mean = (ls + lt / ratio) / 2
    delta = abs(ls * ratio - lt) / math.sqrt(max(mean, 1e-9) * variance)
    if delta < 30:
        return -math.log(max(math.erfc(delta / math.sqrt(2)), 1e-300))
    return delta * delta / 2 + math.log(delta * math.sqrt(2 * math.pi)) - math.log(2)


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


def _problems(src: Sequence[str], tgt: Sequence[str], sa: Sequence[frozenset[Anchor]], ta: Sequence[frozenset[Anchor]],
              config: AlignerConfig) -> Callable[[LengthUnit], Problem]:
    """The search's input for each length unit: anchors as ids with their rewards and penalties."""
    weights = _anchor_weights(sa, ta, config)
    ids: dict[Anchor, int] = {}
    reward: dict[int, float] = {}
    penalty: dict[int, float] = {}

    def id_of(a: Anchor) -> int | None:
        w, p = weights.get(a, 0.0), config.penalties.get(a.kind, 0.0)
        if not w and not p:
            return None
        if a not in ids:
            ids[a] = len(ids)
            if w:
                reward[ids[a]] = w
            if p:
                penalty[ids[a]] = p
        return ids[a]

    def as_ids(sets: Sequence[frozenset[Anchor]]) -> list[tuple[int, ...]]:
        return [tuple(sorted(x for x in map(id_of, s) if x is not None)) for s in sets]

    sid, tid = as_ids(sa), as_ids(ta)
    sw, tw = ([ends_weakly(x) for x in src], [ends_weakly(x) for x in tgt]) if config.boundary_cost else ([], [])
    return lambda unit: Problem(lengths(src, unit), lengths(tgt, unit), sid, tid, reward, penalty, sw, tw)


def fit_alignment(
    src: Sequence[str],
    tgt: Sequence[str],
    src_anchors: Sequence[frozenset[Anchor]] | None = None,
    tgt_anchors: Sequence[frozenset[Anchor]] | None = None,
    config: AlignerConfig | None = None,
    bead_cost: BeadCost | None = None,
    *,
    model: LengthModel | None = None,
    guide: Sequence[Bead] | None = None,
) -> Alignment:
    """Align two sentence lists and fit their length model (see :func:`align_sentences`).

    With ``model`` the length model is not fitted but taken as is; with ``guide`` (a path of a
    previous pass) the search runs in a corridor around it instead of coarse to fine.
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
    problem_in = _problems(src, tgt, src_anchors, tgt_anchors, config)

    def search(mod: LengthModel, along: Sequence[Bead] | None) -> list[Bead]:
        if along is not None and (n <= config.full_size or m <= config.full_size):
            along = None
        return best_path(problem_in(mod.unit), mod, full_size=config.full_size, corridor=config.corridor,
                         hook=bead_cost, guide=along, merge_discount=config.merge_discount,
                         boundary_cost=config.boundary_cost)

    if model is not None:
        return Alignment(search(model, guide), model)
    unit = LengthUnit.chars
    problem = problem_in(unit)
    model = fixed_model(initial_model(problem.ls, problem.lt, config.relative_variance, config.priors,
                                      config.skip_offset, unit), config)
    beads = search(model, guide)
    if config.fit and config.variance is None and n and m:
        fitted = fit_model(src, tgt, beads, base_priors=config.priors, prior_strength=config.prior_strength,
                           skip_offset=config.skip_offset, units=config.units)
        model = fixed_model(scaled(fitted, config.variance_scale), config)
        beads = search(model, beads)  # in a corridor around the first path (long documents)
    return Alignment(beads, model)


def fixed_model(model: LengthModel, config: AlignerConfig) -> LengthModel:
    """``model`` with what ``config`` fixes (variance, ratio, skip cost, length cap) put in."""
    if config.variance is not None:
        model = replace(model, variance=config.variance)
    if config.length_ratio is not None:
        model = replace(model, ratio=config.length_ratio)
    if config.skip_cost is not None:
        model = replace(model, delete_cost=config.skip_cost, insert_cost=config.skip_cost)
    if config.length_cap is not None:
        model = replace(model, length_cap=config.length_cap)
    elif config.cap_at_skip:
        model = replace(model, length_cap=min(model.delete_cost, model.insert_cost))
    return model


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
    anchors this is a length-based aligner with a length model fitted to the pair.
    ``bead_cost(src_ids, tgt_ids)`` may add a cost (nats) per candidate bead, e.g. from a
    translation model.
    """
    return fit_alignment(src, tgt, src_anchors, tgt_anchors, config, bead_cost).beads


def gale_church(src: Sequence[str], tgt: Sequence[str], ratio: float | None = 1.0) -> list[Bead]:
    """Plain Gale–Church (1993): length cost only, their priors, variance 6.8 and cost of an
    empty side, no anchors; ``ratio`` 1 as theirs (None: the documents' character ratio, the
    variance scaled by its square)."""
    ls, lt = lengths(src, LengthUnit.chars), lengths(tgt, LengthUnit.chars)
    r = ratio or ((sum(lt) / sum(ls)) if sum(ls) and sum(lt) else 1.0)
    variance = GC_VARIANCE if ratio else GC_VARIANCE * r * r  # their variance is for a ratio of 1
    model = LengthModel(LengthUnit.chars, r, variance, dict(GC_PRIORS), skip_by_length=True)
    return best_path(Problem(ls, lt, [()] * len(src), [()] * len(tgt), {}, {}), model)
