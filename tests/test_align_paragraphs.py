"""Two-level alignment: paragraphs first when both documents have the same paragraphs."""

from __future__ import annotations

from align.documents import Sentences, align_documents, paragraph_blocks, read_sentences
from tests.helpers import SEEDS

SEED = SEEDS / "uk_thanh_phu_midterm.txt"


def _edited(doc: Sentences) -> tuple[Sentences, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """The seed with, in its first multi-sentence paragraph, sentences 0 and 1 merged; gold beads."""
    first = next(i for i, start in enumerate(doc.paragraph_starts)
                 if start and i + 1 < len(doc.texts) and not doc.paragraph_starts[i + 1])
    texts, starts, gold = [], [], []
    i = 0
    while i < len(doc.texts):
        if i == first:
            texts.append(doc.texts[i] + " " + doc.texts[i + 1])
            starts.append(True)
            gold.append(((i, i + 1), (len(texts) - 1,)))
            i += 2
            continue
        texts.append(doc.texts[i])
        starts.append(doc.paragraph_starts[i])
        gold.append(((i,), (len(texts) - 1,)))
        i += 1
    return Sentences(texts, starts, doc.lang), gold


def test_same_paragraphs_align_within_each_pair():
    src = read_sentences(SEED, "uk")
    tgt, gold = _edited(src)
    blocks = paragraph_blocks(src, tgt)
    assert blocks is not None and len(blocks) == sum(src.paragraph_starts)
    beads = align_documents(src, tgt).beads
    assert [(b.src, b.tgt) for b in beads] == gold
    # No bead crosses a paragraph break.
    for b in beads:
        src_paragraph = {next(k for k, (s, _) in enumerate(blocks) if i in s) for i in b.src}
        tgt_paragraph = {next(k for k, (_, t) in enumerate(blocks) if j in t) for j in b.tgt}
        assert len(src_paragraph | tgt_paragraph) == 1


def test_different_paragraphs_fall_back_to_one_alignment():
    src = read_sentences(SEED, "uk")
    dropped = src.paragraph_starts.index(True, 1)  # the second paragraph loses its break
    tgt = Sentences(src.texts, [s and i != dropped for i, s in enumerate(src.paragraph_starts)], "uk")
    assert paragraph_blocks(src, tgt) is None
    assert [(b.src, b.tgt) for b in align_documents(src, tgt).beads] == [((i,), (i,)) for i in range(len(src.texts))]


def test_paragraphs_out_of_proportion_do_not_correspond():
    src = read_sentences(SEED, "uk")
    texts = list(src.texts)
    last = len(texts) - 1
    texts[last] = texts[last] * 6  # one paragraph pair far longer on one side than the rest
    assert paragraph_blocks(src, Sentences(texts, src.paragraph_starts, "uk")) is None
