"""A length model fitted to each document pair: length unit, ratio, variance, bead priors, skip cost.

Gale & Church score a bead by how far its target length strays from the source length times a
ratio, in units of a variance; their ratio (1) and variance (6.8) suit European pairs. Here each is
estimated from the pair itself by hard EM: align once with the documents' overall ratio and a
variance scaled by its square, then re-estimate from the beads of that path — the ratio from the
two-sided beads, the variance robustly (the median of the squared deviations, so that wrong beads
do not inflate it), the bead-type priors from the path's bead counts smoothed towards
:data:`BASE_PRIORS`, the deletion and insertion costs from those priors — and align again. The
length unit (characters, letters, UTF-8 bytes) is chosen per pair too: the one whose logarithmic
length ratio varies least over the path's 1-1 beads (Chinese against English: each has its
spread; nothing here was measured on such pairs' gold).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

import numpy as np

from align.bead import Bead

# Prior bead-type probabilities the fitted ones are smoothed towards: Gale & Church's six, 3-1 and
# 1-3 as in Text+Berg (~2 % of its beads), the rarer 4-1, 1-4, 3-2, 2-3 a little below theirs.
BASE_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011,
    (3, 1): 0.01, (1, 3): 0.01, (4, 1): 0.002, (1, 4): 0.002, (3, 2): 0.002, (2, 3): 0.002,
}
CHI2_MEDIAN = 0.4549  # median of a χ² variable with one degree of freedom


class LengthUnit(str, Enum):
    """What a sentence's length counts."""

    chars = "chars"  # characters, outer spaces stripped (Gale & Church)
    letters = "letters"  # word characters only: no spaces, no punctuation
    bytes = "bytes"  # UTF-8 bytes (a CJK character counts 3)


_WORDCHAR = re.compile(r"\w")


def lengths(texts: Sequence[str], unit: LengthUnit) -> list[int]:
    """The length of each text in ``unit``."""
    if unit is LengthUnit.chars:
        return [len(t.strip()) for t in texts]
    if unit is LengthUnit.letters:
        return [len(_WORDCHAR.findall(t)) for t in texts]
    return [len(t.strip().encode("utf-8")) for t in texts]


@dataclass(frozen=True)
class LengthModel:
    """The fitted length model of one document pair (see the module docstring).

    ``variance`` is Gale–Church's, per source unit; ``priors`` the bead-type probabilities;
    ``delete_cost``/``insert_cost`` the costs (nats) of a 1-0 and a 0-1 bead.
    """

    unit: LengthUnit
    ratio: float
    variance: float
    priors: Mapping[tuple[int, int], float] = field(default_factory=lambda: dict(BASE_PRIORS))
    delete_cost: float = 3.0
    insert_cost: float = 3.0
    # Gale & Church's own cost of a 1-0/0-1 bead instead: its prior plus the length cost of an empty side.
    skip_by_length: bool = False
    # A bead's length cost levels off near this (nats): −log(e^−cost + e^−cap), a mixture of the
    # Gaussian and a flat component for lengths noise has spoilt (a caption OCR'd into a sentence).
    # None: Gale–Church's cost as is.
    length_cap: float | None = None


def initial_model(ls: Sequence[int], lt: Sequence[int], relative_variance: float,
                  priors: Mapping[tuple[int, int], float], skip_offset: float,
                  unit: LengthUnit = LengthUnit.chars) -> LengthModel:
    """The first-pass model: the documents' overall ratio, ``relative_variance`` times its square
    (the squared deviation of a target length grows with the square of the ratio)."""
    ratio = (sum(lt) / sum(ls)) if sum(ls) and sum(lt) else 1.0
    return LengthModel(unit, ratio, relative_variance * ratio * ratio, dict(priors),
                       _skip(priors, (1, 0), skip_offset), _skip(priors, (0, 1), skip_offset))


def _skip(priors: Mapping[tuple[int, int], float], kind: tuple[int, int], offset: float) -> float:
    return -math.log(max(priors.get(kind, 1e-6), 1e-6)) + offset


def fit_priors(beads: Sequence[Bead], base: Mapping[tuple[int, int], float], strength: float) -> dict[tuple[int, int], float]:
    """Bead-type frequencies of ``beads`` smoothed towards ``base`` (``strength`` pseudo-beads)."""
    counts = Counter((len(b.src), len(b.tgt)) for b in beads)
    total = sum(counts[t] for t in base) + strength
    return {t: (counts[t] + strength * p) / total for t, p in base.items()}


def fit_model(src: Sequence[str], tgt: Sequence[str], beads: Sequence[Bead], *, base_priors: Mapping[tuple[int, int], float],
              prior_strength: float, skip_offset: float, units: Sequence[LengthUnit] = tuple(LengthUnit)) -> LengthModel:
    """The length model re-estimated from a path's ``beads`` (hard EM's M step)."""
    two_sided = [b for b in beads if b.src and b.tgt]
    ones = [b for b in two_sided if len(b.src) == 1 and len(b.tgt) == 1]
    unit = min(units, key=lambda u: (_log_ratio_spread(lengths(src, u), lengths(tgt, u), ones), list(LengthUnit).index(u)))
    ls, lt = lengths(src, unit), lengths(tgt, unit)
    a = np.array([sum(ls[i] for i in b.src) for b in two_sided], dtype=float)
    c = np.array([sum(lt[j] for j in b.tgt) for b in two_sided], dtype=float)
    keep = (a > 0) & (c > 0)
    a, c = a[keep], c[keep]
    if len(a) < 5:
        return initial_model(ls, lt, 10.0, base_priors, skip_offset, unit)
    # Ratio: the median of the beads' ratios, weighted by length (robust to a few wrong beads).
    r = c / a
    order = np.argsort(r)
    cw = np.cumsum(a[order])
    ratio = float(r[order][np.searchsorted(cw, cw[-1] / 2)])
    e = (a * ratio - c) ** 2 / ((a + c / ratio) / 2)
    variance = max(float(np.median(e)) / CHI2_MEDIAN, 1e-3 * ratio)
    priors = fit_priors(beads, base_priors, prior_strength)
    return LengthModel(unit, ratio, variance, priors, _skip(priors, (1, 0), skip_offset), _skip(priors, (0, 1), skip_offset))


def pooled_model(docs: Sequence[tuple[Sequence[str], Sequence[str], Sequence[Bead]]], *,
                 base_priors: Mapping[tuple[int, int], float], prior_strength: float, skip_offset: float,
                 units: Sequence[LengthUnit] = tuple(LengthUnit), variance_scale: float = 1.0) -> LengthModel:
    """One length model for several document pairs (a folder of one language pair): :func:`fit_model`
    over all their (src, tgt, beads) at once, its variance times ``variance_scale``."""
    src: list[str] = []
    tgt: list[str] = []
    beads: list[Bead] = []
    for s, t, bs in docs:
        i0, j0 = len(src), len(tgt)
        beads += [Bead(tuple(i + i0 for i in b.src), tuple(j + j0 for j in b.tgt)) for b in bs]
        src += s
        tgt += t
    fitted = fit_model(src, tgt, beads, base_priors=base_priors, prior_strength=prior_strength,
                       skip_offset=skip_offset, units=units)
    return scaled(fitted, variance_scale)


def _log_ratio_spread(ls: Sequence[int], lt: Sequence[int], ones: Sequence[Bead]) -> float:
    """Median absolute deviation of log(target/source length) over the 1-1 beads."""
    x = np.array([math.log((lt[b.tgt[0]] + 1) / (ls[b.src[0]] + 1)) for b in ones])
    if len(x) < 5:
        return math.inf
    return float(np.median(np.abs(x - np.median(x))))


def scaled(model: LengthModel, variance_scale: float) -> LengthModel:
    """``model`` with its variance times ``variance_scale`` (the length cost weighed against the anchors)."""
    return replace(model, variance=model.variance * variance_scale)


# -log(2 P(Z > d)) for a standard normal Z, tabulated for d in [0, 8] and asymptotic beyond.
_STEP = 0.002
_GRID = np.arange(0.0, 8.0 + _STEP, _STEP)
_TABLE = np.array([-math.log(max(math.erfc(d / math.sqrt(2)), 1e-300)) for d in _GRID])


def length_costs(ls: float, lt: np.ndarray, ratio: float, variance: float, cap: float | None = None) -> np.ndarray:
    """Gale–Church −log P(|δ|) of a source length ``ls`` against each target length of ``lt``;
    with ``cap``, −log(P(|δ|) + e^−cap) (see ``LengthModel.length_cap``)."""
    mean = np.maximum((ls + lt / ratio) / 2, 1e-9)
    d = np.abs(ls * ratio - lt) / np.sqrt(mean * variance)
    out = np.interp(d, _GRID, _TABLE)
    big = d > 8.0
    if big.any():
        db = d[big]
        out[big] = db * db / 2 + np.log(db * math.sqrt(2 * math.pi)) - math.log(2)
    if cap is not None:
        out = -np.logaddexp(-out, -cap)
    return out
