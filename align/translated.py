"""Translation-based bead cost (Bleualign's idea): translate the source, compare it with the target.

Each source sentence is translated once over the installed route (``translate.engine.Engines``,
pivoting through English when needed; one engine loaded at a time); a candidate bead then costs less the more its
translated source resembles its target side. The similarity is character n-gram containment
(chrF-like n-grams, spaces removed, n = 2..4, pooled): the share of each sentence's n-grams found in the
other side of the bead, and the bead takes its worst sentence, so a bead that swallows an
unrelated sentence (an insertion next to a good pair) is not rewarded for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass

from translate.engine import (
    Engines,
    EngineSettings,
    ModelPackage,
    PackageTranslator,
    find_route,
    installed_packages,
)
from translate.errors import ModelError

NGRAM_ORDERS = (2, 3, 4)
# Similarity of unrelated sentences is about this; beads above it are rewarded, below penalised.
BASELINE = 0.25
WEIGHT = 8.0  # nats per unit of similarity


def char_ngrams(text: str, orders: Sequence[int] = NGRAM_ORDERS) -> Counter[str]:
    """Character n-gram counts of ``text`` without whitespace, all ``orders`` pooled (an
    n-gram's length tells its order)."""
    chars = "".join(text.casefold().split())
    return Counter(chars[i:i + n] for n in orders for i in range(len(chars) - n + 1))


def containment(part: Counter[str], whole: Counter[str]) -> float:
    """The share of ``part``'s n-grams (with multiplicity) also in ``whole`` (0..1)."""
    size = part.total()
    if not size:
        return 0.0
    get = whole.get
    return sum(min(c, get(g, 0)) for g, c in part.items()) / size


@dataclass
class TranslationCost:
    """A ``BeadCost``: ``weight * (baseline - similarity)`` for beads with both sides, else 0."""

    translations: Sequence[str]
    targets: Sequence[str]
    weight: float = WEIGHT
    baseline: float = BASELINE

    def __post_init__(self) -> None:
        self._grams = ([char_ngrams(t) for t in self.translations], [char_ngrams(t) for t in self.targets])
        self._sums: dict[tuple[int, tuple[int, ...]], Counter[str]] = {}
        self._contained: dict[tuple[int, int, tuple[int, ...]], float] = {}

    def _side(self, side: int, ids: tuple[int, ...]) -> Counter[str]:
        if len(ids) == 1:
            return self._grams[side][ids[0]]
        key = (side, ids)
        if key not in self._sums:
            total: Counter[str] = Counter()
            for i in ids:
                total.update(self._grams[side][i])
            self._sums[key] = total
        return self._sums[key]

    def _containment(self, side: int, i: int, other: tuple[int, ...]) -> float:
        key = (side, i, other)
        if key not in self._contained:
            self._contained[key] = containment(self._grams[side][i], self._side(1 - side, other))
        return self._contained[key]

    def similarity(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> float:
        """Similarity of the translated source sentences ``src_ids`` and target ``tgt_ids``: the
        lowest :func:`containment` of one sentence of either side in the other side."""
        scores = [self._containment(0, i, tgt_ids) for i in src_ids if self._grams[0][i]]
        scores += [self._containment(1, j, src_ids) for j in tgt_ids if self._grams[1][j]]
        return min(scores, default=0.0)

    def __call__(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> float:
        if not (src_ids and tgt_ids):
            return 0.0
        return self.weight * (self.baseline - self.similarity(src_ids, tgt_ids))


def translate_sentences(
    texts: Sequence[str], src_lang: str, tgt_lang: str,
    packages: list[ModelPackage] | None = None, engines: PackageTranslator | None = None,
) -> list[str]:
    """``texts`` translated from ``src_lang`` into ``tgt_lang`` over the installed route; blank
    texts stay blank. ``engines`` (default: a new one, greedy decoding, freed on return) lets a
    caller translate several documents with one engine loaded at a time. A ModelError when no
    route is installed."""
    if src_lang == tgt_lang:
        return list(texts)
    route = find_route(src_lang, tgt_lang, installed_packages() if packages is None else packages)
    todo = [i for i, t in enumerate(texts) if t.strip()]
    out = [t.strip() for t in texts]
    with Engines(EngineSettings(beam_size=1)) if engines is None else nullcontext(engines) as running:
        translated = [out[i] for i in todo]
        for package in route:  # a pivot: uk→en, then en→vi
            translated = running.translate(package, translated)
    for i, t in zip(todo, translated):
        out[i] = t
    return out


def has_route(src_lang: str, tgt_lang: str, packages: list[ModelPackage] | None = None) -> bool:
    """Whether a model route from ``src_lang`` to ``tgt_lang`` is installed."""
    try:
        find_route(src_lang, tgt_lang, installed_packages() if packages is None else packages)
    except ModelError:
        return False
    return True
