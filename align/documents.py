"""Aligning two documents: read, split into sentences, find anchors, align."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from align.anchors import sentence_anchors
from align.bead import Anchor, Bead
from align.sentences import AlignerConfig, BeadCost, align_sentences
from translate.documents import read_document, read_text
from translate.langs import get_language


@dataclass
class Sentences:
    """The sentences of one document and whether each opens a paragraph."""

    texts: list[str]
    paragraph_starts: list[bool]
    lang: str
    path: Path | None = None


@dataclass
class AlignedDocuments:
    """Two documents' sentences and the beads between them, in document order."""

    src: Sentences
    tgt: Sentences
    beads: list[Bead] = field(default_factory=list)


def read_sentences(path: Path | str, lang: str, lines: bool = False) -> Sentences:
    """Sentences of a text file: each line with ``lines`` (blank lines kept, so indices are
    line numbers), else each non-empty line is a paragraph split by ``translate.segment``.
    """
    path = Path(path)
    if lines:
        texts = read_text(path).splitlines()
        return Sentences(texts, [False] * len(texts), lang, path)
    from translate.segment import segment_document

    doc = segment_document(read_document(path, lang))
    return Sentences(
        [s.text for s in doc.segments], [s.index == 0 for s in doc.segments], lang, path
    )


def align_documents(
    src: Sentences,
    tgt: Sentences,
    extra_anchors: tuple[list[frozenset[Anchor]], list[frozenset[Anchor]]] | None = None,
    config: AlignerConfig | None = None,
    bead_cost: BeadCost | None = None,
) -> AlignedDocuments:
    """Align two documents with the default anchors (numbers, marks, paragraph breaks and,
    between languages of one script, shared words) plus ``extra_anchors`` per sentence (e.g.
    glossary concepts, as ``Anchor("concept", id)``) and an optional ``bead_cost``.
    """
    words = get_language(src.lang).script == get_language(tgt.lang).script
    sa = sentence_anchors(src.texts, words=words, paragraph_starts=src.paragraph_starts)
    ta = sentence_anchors(tgt.texts, words=words, paragraph_starts=tgt.paragraph_starts)
    if extra_anchors is not None:
        sa = [a | b for a, b in zip(sa, extra_anchors[0], strict=True)]
        ta = [a | b for a, b in zip(ta, extra_anchors[1], strict=True)]
    beads = align_sentences(src.texts, tgt.texts, sa, ta, config=config, bead_cost=bead_cost)
    return AlignedDocuments(src, tgt, beads)
