"""A translation-model bead cost for the pooled second pass: IBM Model 1, as Moore (2002) used it.

Model 1 (Brown et al. 1993) gives the probability of each target word given the source words of
a bead, t(f | e) averaged over the source words and an empty word, learnt by EM from the
two-sided beads of the first pass (no gold, no dictionary). A bead is scored by how much better
the model predicts each side from the other than the words' own frequencies do (a log-likelihood
ratio, nats), in both directions, averaged.

Learnt on a document's own first-pass beads, the model memorises that pass's errors (a word seen
once is "translated" by whatever sat beside it) and confirms them: on Text+Berg (development)
that lowered strict F1. So each document is scored by a model learnt from the *other* documents'
beads only (cross-fitting), which needs two documents or more of the language pair. The score is
centred on unrelated sentence pairs of the document (pairs far from its diagonal), so that a bead
of unrelated sentences scores about 0 and one that swallows an unrelated sentence loses.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.bead import Bead
from align.scripts import tokens

ITERATIONS = 5
SMOOTHING = 1.0  # pseudo-count of the words' own frequency in each t(f | e)
NULL = 0  # the empty source word's id
BASELINE_WORDS = 3000  # target words of off-diagonal sentence pairs the centring averages over
FOLDS = 10  # more documents than this: each scored by a model of the other folds' (k-fold, k models)


def words(sentence: str) -> list[str]:
    """Every folded word of ``sentence`` (character n-grams in unspaced scripts)."""
    return [w for _, w in tokens(sentence, 1)]


@dataclass(frozen=True)
class Model1:
    """t(f | e) as expected counts after EM over words numbered by :class:`Vocabulary` (e = 0: the
    empty word), smoothed towards the unigram probability of f: (count(f, e) + s·p(f)) / (total(e) + s).
    The counts are kept sorted by the key f·(source size) + e, for lookup by ``np.searchsorted``."""

    keys: np.ndarray  # sorted f * n_src + e of the pairs seen
    weights: np.ndarray  # count(f, e) / (total(e) + s), in the order of keys
    inverse: np.ndarray  # 1 / (total(e) + s), by source word
    unigram: np.ndarray  # p(f), by target word
    n_src: int

    def sums(self, src: np.ndarray, tgt: np.ndarray) -> np.ndarray:
        """Σ over the source words ``src`` of t(f | e), for each target word f of ``tgt``."""
        rest = SMOOTHING * self.unigram[tgt] * self.inverse[src].sum()
        if not len(self.keys):
            return rest
        keys = (tgt[:, None] * self.n_src + src[None, :]).ravel()
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        seen = np.where(self.keys[at] == keys, self.weights[at], 0.0).reshape(len(tgt), len(src)).sum(axis=1)
        return seen + rest

    def restricted(self, src: np.ndarray, tgt: np.ndarray) -> "Model1":
        """The same model with only the pairs of source words ``src`` and target words ``tgt``
        (a short key array: faster lookups for one document)."""
        keep = np.isin(self.keys % self.n_src, src) & np.isin(self.keys // self.n_src, tgt)
        return Model1(self.keys[keep], self.weights[keep], self.inverse, self.unigram, self.n_src)


class Vocabulary:
    """Words numbered from 1 (0 is the empty word)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __call__(self, sentence: str) -> np.ndarray:
        return np.array([self.ids.setdefault(w, len(self.ids) + 1) for w in words(sentence)], dtype=np.int64)

    def __len__(self) -> int:
        return len(self.ids) + 1


def train(bitext: Sequence[tuple[np.ndarray, np.ndarray]], unigram_words: Sequence[np.ndarray], n_src: int,
          n_tgt: int, iterations: int = ITERATIONS) -> Model1:
    """Model 1 from (source word ids, target word ids) pairs by EM (uniform start); the unigram
    from ``unigram_words`` (the target side's sentences), add-one smoothed."""
    rows, keys = [], []  # per (target word occurrence, source word or the empty one): its pair
    row = 0
    for src, tgt in bitext:
        es = np.concatenate([src, [NULL]])
        keys.append((tgt[:, None] * n_src + es[None, :]).ravel())
        rows.append(np.repeat(np.arange(row, row + len(tgt)), len(es)))
        row += len(tgt)
    flat = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    occ = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    pairs, of = np.unique(flat, return_inverse=True)
    e_of = pairs % n_src
    t: np.ndarray = np.ones(len(pairs))
    counts: np.ndarray = np.zeros(len(pairs))
    for _ in range(iterations):
        v = t[of]
        z = np.bincount(occ, v, minlength=row)
        counts = np.bincount(of, v / z[occ], minlength=len(pairs))
        per_e = np.bincount(e_of, counts, minlength=n_src)
        t = counts / per_e[e_of]
    inverse = 1.0 / (np.bincount(e_of, counts, minlength=n_src) + SMOOTHING)
    freq = np.bincount(np.concatenate([*unigram_words, np.zeros(0, dtype=np.int64)]), minlength=n_tgt).astype(float)
    freq[0] = 0.0
    unigram = (freq + 1.0) / (freq.sum() + n_tgt)
    return Model1(pairs, counts * inverse[e_of], inverse, unigram, n_src)


class _Direction:
    """Log-likelihood ratios of target sentences given source sentences under one model."""

    def __init__(self, model: Model1, src: Sequence[np.ndarray], tgt: Sequence[np.ndarray]) -> None:
        empty = np.zeros(0, dtype=np.int64)
        model = model.restricted(np.unique(np.concatenate([*src, empty])), np.unique(np.concatenate([*tgt, empty])))
        self.model, self.src, self.tgt = model, src, tgt
        self._pairs: dict[tuple[int, int], np.ndarray] = {}
        self._null = [model.sums(np.array([NULL]), x) for x in tgt]
        self._logp = [float(np.log(model.unigram[x]).sum()) for x in tgt]
        self._rows: dict[tuple[int, int, int], float] = {}
        self.baseline = 0.0
        self.baseline = self._centre()

    def _row(self, i0: int, i1: int, j: int) -> float:
        """The centred log-likelihood ratio of target sentence j given source sentences i0..i1-1."""
        key = (i0, i1, j)
        if key not in self._rows:
            tgt = self.tgt[j]
            if not len(tgt):
                self._rows[key] = 0.0
            else:
                v = self._null[j] + sum(self._pair(i, j) for i in range(i0, i1))
                size = sum(len(self.src[i]) for i in range(i0, i1)) + 1
                self._rows[key] = float(np.log(v / size).sum()) - self._logp[j] - self.baseline * len(tgt)
        return self._rows[key]

    def _pair(self, i: int, j: int) -> np.ndarray:
        key = (i, j)
        if key not in self._pairs:
            self._pairs[key] = self.model.sums(self.src[i], self.tgt[j]) if len(self.src[i]) else np.zeros(len(self.tgt[j]))
        return self._pairs[key]

    def llr(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> float:
        """log P(target | source) − log P(target) of a bead, less the baseline per target word."""
        return sum(self._row(src_ids[0], src_ids[-1] + 1, j) for j in tgt_ids)

    def _centre(self) -> float:
        """The mean log-likelihood ratio per target word of sentence pairs far from the diagonal
        (seeded: the same pairs every run)."""
        n, m = len(self.src), len(self.tgt)
        rng = random.Random(0)
        total, count = 0.0, 0
        for _ in range(50 * BASELINE_WORDS if n and m else 0):
            if count >= BASELINE_WORDS:
                break
            i, j = rng.randrange(n), rng.randrange(m)
            if abs(i / n - j / m) >= 0.2 and len(self.src[i]) and len(self.tgt[j]):
                total += self._row(i, i + 1, j)
                count += len(self.tgt[j])
        self._rows.clear()
        self._pairs.clear()
        return total / count if count else 0.0


class Model1Cost:
    """A ``BeadCost``: −weight × the mean of the two directions' centred log-likelihood ratios,
    for beads with both sides (0 for deletions and insertions)."""

    def __init__(self, forward: _Direction, backward: _Direction, weight: float) -> None:
        self.forward, self.backward, self.weight = forward, backward, weight

    def __call__(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> float:
        if not (src_ids and tgt_ids):
            return 0.0
        return -self.weight * 0.5 * (self.forward.llr(src_ids, tgt_ids) + self.backward.llr(tgt_ids, src_ids))


def cross_fitted_costs(docs: Sequence[tuple[Sequence[str], Sequence[str], Sequence[Bead]]],
                       weight: float) -> list[Model1Cost]:
    """For each (source sentences, target sentences, first-pass beads) document, a Model 1 bead
    cost learnt (both directions) from the other documents' two-sided beads — with more than
    ``FOLDS`` documents, from the documents outside its fold (document k in fold k mod FOLDS), so
    that FOLDS models are learnt, not one per document; the unigrams from all the sentences."""
    sv, tv = Vocabulary(), Vocabulary()
    ids = [([sv(x) for x in s], [tv(x) for x in t]) for s, t, _ in docs]

    def side(sentences: list[np.ndarray], bead: tuple[int, ...]) -> np.ndarray:
        return np.concatenate([sentences[i] for i in bead])

    bitexts = [[(side(sw, b.src), side(tw, b.tgt)) for b in beads if b.src and b.tgt]
               for (sw, tw), (_, _, beads) in zip(ids, docs)]
    src_words = [x for sw, _ in ids for x in sw]
    tgt_words = [x for _, tw in ids for x in tw]
    folds = min(len(docs), FOLDS)
    models = {}
    for fold in range(folds):
        others = [pair for o, bitext in enumerate(bitexts) if o % folds != fold for pair in bitext]
        models[fold] = (train(others, tgt_words, len(sv), len(tv)),
                        train([(b, a) for a, b in others], src_words, len(tv), len(sv)))
    out = []
    for k, (sw, tw) in enumerate(ids):
        forward, backward = models[k % folds]
        out.append(Model1Cost(_Direction(forward, sw, tw), _Direction(backward, tw, sw), weight))
    return out
