"""The values of sentence alignment: anchors that survive translation and the beads of a path."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Anchor:
    """Something a sentence and its translation share: a number by value, a mark, a concept.

    ``kind`` selects the weight (see ``align.sentences.DEFAULT_WEIGHTS``); ``key`` is the
    language-neutral value compared across the two sides (e.g. ``Anchor("number", "8850.26")``,
    ``Anchor("concept", "hai-duong")``).
    """

    kind: str
    key: str


AnchorSet = frozenset  # frozenset[Anchor]: the anchors of one sentence


@dataclass(frozen=True)
class Bead:
    """One step of an alignment: source and target sentence indices (0-based) and its score.

    An empty side is a deletion (``tgt == ()``) or an insertion (``src == ()``). ``score`` is
    the negated cost of the bead in nats: higher is better; positive when shared anchors
    outweigh the length mismatch and the bead-type prior.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0

    @property
    def kind(self) -> str:
        """The bead type, e.g. ``"2-1"``."""
        return f"{len(self.src)}-{len(self.tgt)}"
