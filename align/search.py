"""The best bead path by dynamic programming in near-linear time: coarse to fine, as vecalign does.

Below ``full_size`` sentences a side the whole matrix is searched. Above it both documents are
coarsened — each two neighbouring sentences one block (lengths summed, anchors united) — the
coarse pair is aligned recursively, and the fine search runs only in a corridor of ``corridor``
sentences either side of the coarse path projected down. Each level has half the rows of the
one below and a corridor of bounded width, so the time grows about linearly with document length
(no widening and restarting of a band). Each row's cells are scored for a bead type at once
(numpy): length cost, bead prior, and the anchors the bead's two sides share — discounted in a
bead of many sentences, where a chance match is likelier (``merge_discount``).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from align.bead import Bead
from align.length import LengthModel, length_costs

Hook = Callable[[tuple[int, ...], tuple[int, ...]], float]


@dataclass(frozen=True)
class Problem:
    """One level's input: lengths, anchor ids per sentence, and per anchor id its reward for
    being on both sides of a bead and its penalty for being on one side only."""

    ls: Sequence[int]
    lt: Sequence[int]
    sa: Sequence[tuple[int, ...]]
    ta: Sequence[tuple[int, ...]]
    reward: Mapping[int, float]
    penalty: Mapping[int, float]
    # Per sentence, whether it ends weakly (a colon, a semicolon, no final mark: a fragment); empty: not used.
    s_weak: Sequence[bool] = ()
    t_weak: Sequence[bool] = ()

    def coarsened(self) -> Problem:
        """Each two neighbouring sentences as one."""
        def pairs(xs: Sequence[int]) -> list[int]:
            return [sum(xs[k:k + 2]) for k in range(0, len(xs), 2)]

        def unite(xs: Sequence[tuple[int, ...]]) -> list[tuple[int, ...]]:
            return [tuple(sorted(set(xs[k]).union(*xs[k + 1:k + 2]))) for k in range(0, len(xs), 2)]

        def last(xs: Sequence[bool]) -> list[bool]:
            return [xs[min(k + 1, len(xs) - 1)] for k in range(0, len(xs), 2)]

        return Problem(pairs(self.ls), pairs(self.lt), unite(self.sa), unite(self.ta), self.reward, self.penalty,
                       last(self.s_weak), last(self.t_weak))


def best_path(problem: Problem, model: LengthModel, *, full_size: int = 250, corridor: int = 8,
              hook: Hook | None = None, guide: Sequence[Bead] | None = None, merge_discount: float = 0.0,
              boundary_cost: float = 0.0) -> list[Bead]:
    """The least-cost bead path of ``problem`` under ``model`` (see the module docstring).
    ``hook`` adds a cost per fine bead; ``guide``, a path already found (a first pass), replaces
    the coarse levels: the corridor is laid around it. The anchors shared by a bead of ``di``
    and ``dj`` sentences weigh 1 / (1 + ``merge_discount`` · (di + dj − 2)); a bead whose last
    source sentence ends weakly and last target sentence strongly, or the reverse, costs
    ``boundary_cost`` more (``Problem.s_weak``)."""
    n, m = len(problem.ls), len(problem.lt)
    if guide is not None:
        windows = _corridor(guide, n, m, corridor, 1)
    elif n <= full_size or m <= full_size:
        windows = [(0, m)] * (n + 1)
    else:
        coarse = best_path(problem.coarsened(), model, full_size=full_size, corridor=corridor,
                           merge_discount=merge_discount, boundary_cost=boundary_cost)
        windows = _corridor(coarse, n, m, corridor, 2)
    return _search(problem, model, windows, hook, merge_discount, boundary_cost)


def _corridor(path: Sequence[Bead], n: int, m: int, width: int, scale: int) -> list[tuple[int, int]]:
    """Per fine row, the target range within ``width`` of ``path`` (in blocks of ``scale``)."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    i = j = 0
    for b in path:
        i1, j1 = i + len(b.src), j + len(b.tgt)
        r0, r1 = min(i * scale, n), min(i1 * scale, n)
        c0, c1 = min(j * scale, m), min(j1 * scale, m)
        for r in range(r0, r1 + 1):
            lo[r] = min(lo[r], c0)
            hi[r] = max(hi[r], c1)
        i, j = i1, j1
    for r in range(n + 1):
        lo[r], hi[r] = max(lo[r] - width, 0), min(hi[r] + width, m)
    for r in range(n - 1, -1, -1):  # monotone: lo never decreases, hi never decreases
        lo[r] = min(lo[r], lo[r + 1])
    for r in range(1, n + 1):
        hi[r] = max(hi[r], hi[r - 1])
    lo[0], hi[n] = 0, m
    return list(zip(lo, hi))


def _search(problem: Problem, model: LengthModel, windows: Sequence[tuple[int, int]], hook: Hook | None,
            merge_discount: float = 0.0, boundary_cost: float = 0.0) -> list[Bead]:
    n, m = len(problem.ls), len(problem.lt)
    boundaries = bool(boundary_cost and len(problem.s_weak) == n and len(problem.t_weak) == m)
    t_weak = np.concatenate([[False], np.array(problem.t_weak, dtype=bool)]) if boundaries else None
    ps = np.concatenate([[0.0], np.cumsum(problem.ls, dtype=float)])
    pt = np.concatenate([[0.0], np.cumsum(problem.lt, dtype=float)])
    types = [t for t in model.priors if t != (0, 1) and t[0] > 0]
    prior = {t: -math.log(max(p, 1e-12)) for t, p in model.priors.items()}
    max_dj = max((dj for _, dj in types), default=1)
    max_di = max((di for di, _ in types), default=1)
    reward, penalty = problem.reward, problem.penalty
    occurrences: dict[int, list[int]] = {}
    for j, ids in enumerate(problem.ta):
        for a in ids:
            occurrences.setdefault(a, []).append(j)
    # Per target span [j-dj, j): the penalties of its distinct one-side-penalised anchors.
    tpen = {dj: np.zeros(m + 1) for dj in range(1, max_dj + 1)}
    if penalty:
        for dj in tpen:
            for j in range(dj, m + 1):
                tpen[dj][j] = sum(penalty.get(a, 0.0) for a in set().union(*problem.ta[j - dj:j]))
    inf = math.inf
    cost_rows: list[np.ndarray] = []
    back_rows: list[np.ndarray] = []
    bead_rows: list[np.ndarray] = []
    for i in range(n + 1):
        lo, hi = windows[i]
        width = hi - lo + 1
        d = np.full(width, inf)
        back = np.full(width, -1, dtype=np.int8)
        cost = np.zeros(width)
        if i == 0:
            d[0] = 0.0
        # The anchors of the longest source span ending at i, their occurrences over the target
        # sentences of the row's window, and per target span length the anchors it holds.
        span_ids = [set(problem.sa[i - 1]) if i else set()]
        for di in range(2, max_di + 1):
            span_ids.append(span_ids[-1] | set(problem.sa[i - di]) if i >= di else span_ids[-1])
        base = lo - max_dj  # may be negative: columns before sentence 0 count nothing
        anchors, counts = _occurrence_counts(span_ids[-1], occurrences, base, hi)
        held: dict[int, np.ndarray] = {}
        span_weights: dict[tuple[int, int], np.ndarray] = {}
        span_penalty: dict[int, float] = {}
        for k, (di, dj) in enumerate(types):
            if di > i:
                continue
            plo, phi = windows[i - di]
            jlo, jhi = max(lo, plo + dj), min(hi, phi + dj)
            if jlo > jhi:
                continue
            prev = cost_rows[i - di][jlo - dj - plo:jhi - dj - plo + 1]
            js = np.arange(jlo, jhi + 1)
            if dj == 0 and model.skip_by_length:
                c = prior[(di, 0)] + length_costs(ps[i] - ps[i - di], np.zeros(len(js)), model.ratio, model.variance)
            elif dj == 0:
                c = np.full(len(js), model.delete_cost)
            else:
                c = prior[(di, dj)] + length_costs(ps[i] - ps[i - di], pt[js] - pt[js - dj], model.ratio, model.variance,
                                                     model.length_cap)
                if t_weak is not None:
                    c = c + boundary_cost * (t_weak[js] != problem.s_weak[i - 1])
                span = span_ids[di - 1]
                if anchors:
                    if dj not in held:
                        held[dj] = (counts[:, lo - base:hi - base + 1] - counts[:, lo - dj - base:hi - dj - base + 1]) > 0
                    if (di, dj) not in span_weights:
                        # The reward, discounted in a long bead; the one-side penalties both sides
                        # were charged, given back in full.
                        discount = 1.0 + merge_discount * (di + dj - 2)
                        span_weights[(di, dj)] = np.array([
                            (reward.get(a, 0.0) / discount + 2 * penalty.get(a, 0.0)) if a in span else 0.0
                            for a in anchors])
                    c = c - span_weights[(di, dj)] @ held[dj][:, jlo - lo:jhi - lo + 1]
                if penalty:
                    if di not in span_penalty:
                        span_penalty[di] = sum(penalty.get(a, 0.0) for a in span)
                    c = c + span_penalty[di] + tpen[dj][js]
            if hook is not None:
                src = tuple(range(i - di, i))
                c = c + np.array([hook(src, tuple(range(j - dj, j))) for j in js.tolist()])
            total = prev + c
            at = slice(jlo - lo, jhi - lo + 1)
            better = total < d[at]
            if better.any():
                d[at] = np.where(better, total, d[at])
                back[at] = np.where(better, k, back[at])
                cost[at] = np.where(better, c, cost[at])
        # Insertions (0-1) depend on the same row: a left-to-right sweep.
        if (0, 1) in model.priors and width > 1:
            ins = [model.insert_cost] * width
            if model.skip_by_length:
                ins = (prior[(0, 1)] + length_costs(0.0, np.diff(pt[lo:hi + 1], prepend=0.0), model.ratio,
                                                    model.variance)).tolist()
            if hook is not None:
                ins = [model.insert_cost + hook((), (j - 1,)) for j in range(lo, hi + 1)]
            dl, bl, cl = d.tolist(), back.tolist(), cost.tolist()
            for x in range(1, width):
                t = dl[x - 1] + ins[x]
                if t < dl[x]:
                    dl[x], bl[x], cl[x] = t, len(types), ins[x]
            d, back, cost = np.array(dl), np.array(bl, dtype=np.int8), np.array(cl)
        cost_rows.append(d)
        back_rows.append(back)
        bead_rows.append(cost)
    moves = [*types, (0, 1)]
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        lo = windows[i][0]
        k = int(back_rows[i][j - lo])
        if k < 0:
            raise RuntimeError(f"no path through the corridor at ({i}, {j})")  # cannot happen: corridor is connected
        di, dj = moves[k]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), -float(bead_rows[i][j - lo])))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _occurrence_counts(ids: set[int], occurrences: Mapping[int, list[int]], base: int, end: int
                       ) -> tuple[list[int], np.ndarray]:
    """The anchors of ``ids`` found in the target, and per anchor the prefix counts of its
    occurrences over target sentences ``base``..``end - 1`` (column x: those before base + x)."""
    anchors = [a for a in sorted(ids) if a in occurrences]
    hits = np.zeros((len(anchors), end - base + 1))
    for r, a in enumerate(anchors):
        pos = occurrences[a]
        for q in pos[bisect.bisect_left(pos, base):bisect.bisect_left(pos, end)]:
            hits[r, q - base + 1] = 1.0
    return anchors, np.cumsum(hits, axis=1)
