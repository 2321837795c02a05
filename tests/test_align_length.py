"""The length model pooled over several documents, the two passes as two calls, the discount
of anchors shared by long beads and the cost of sides that end differently — on a real
Text+Berg document and its gold."""

from pathlib import Path

import numpy as np

from align.anchors import sentence_anchors
from align.evaluate import read_gold, score_alignments
from align.length import fit_model, length_costs, pooled_model
from align.lexicon import align_two_pass, first_passes, lexicon_pass
from align.scripts import ends_weakly
from align.sentences import AlignerConfig, align_sentences, fit_alignment

DATA = Path(__file__).resolve().parent / "data" / "align"
DE = (DATA / "textberg_001.de").read_text(encoding="utf-8").splitlines()
FR = (DATA / "textberg_001.fr").read_text(encoding="utf-8").splitlines()
GOLD = read_gold(DATA / "textberg_001.gold")
FIT = {"base_priors": AlignerConfig().priors, "prior_strength": 50.0, "skip_offset": -1.0}


def _doc(src, tgt):
    return src, tgt, sentence_anchors(src), sentence_anchors(tgt)


def test_a_pooled_length_model_is_fitted_over_all_the_documents():
    beads = fit_alignment(DE, FR).beads
    one = fit_model(DE, FR, beads, **FIT)
    # The same document twice: the same ratio and variance as once.
    twice = pooled_model([(DE, FR, beads), (DE, FR, beads)], **FIT)
    assert abs(twice.ratio - one.ratio) < 1e-9 and abs(twice.variance - one.variance) < 1e-9
    # With a second document whose French is doubled, the pooled ratio lies between the two.
    fr2 = [x + " " + x for x in FR]
    other = fit_model(DE, fr2, beads, **FIT)
    both = pooled_model([(DE, FR, beads), (DE, fr2, beads)], variance_scale=3.0, **FIT)
    assert one.ratio < both.ratio < other.ratio
    assert both.variance > 3.0 * min(one.variance, other.variance)


def test_two_passes_as_two_calls_and_with_a_pooled_length_model():
    fr2 = [x + " " + x for x in FR]  # a second document with twice the length ratio
    docs = [_doc(DE, FR), _doc(DE, fr2)]
    fits = first_passes(docs)
    own = lexicon_pass(docs, fits)
    assert own == align_two_pass(docs)
    # One length model for both (ratio about 1.5): each path still covers its document, but
    # neither is the one its own model found.
    pooled = lexicon_pass(docs, fits, AlignerConfig(pool_length=True))
    for (s, t, _, _), path in zip(docs, pooled):
        assert [i for b in path for i in b.src] == list(range(len(s)))
        assert [j for b in path for j in b.tgt] == list(range(len(t)))
    assert pooled[0] != own[0] and pooled[1] != own[1]


def test_anchors_of_long_beads_are_discounted():
    sa, ta = sentence_anchors(DE), sentence_anchors(FR)
    plain = fit_alignment(DE, FR, sa, ta)
    model = plain.model
    discounted = fit_alignment(DE, FR, sa, ta, AlignerConfig(merge_discount=0.5), model=model).beads
    score = {(b.src, b.tgt): b.score for b in plain.beads}
    for b in discounted:
        if (b.src, b.tgt) in score and len(b.src) == len(b.tgt) == 1:
            assert abs(b.score - score[(b.src, b.tgt)]) < 1e-9  # a 1-1 bead keeps its full reward
    long_plain = [b for b in plain.beads if len(b.src) + len(b.tgt) > 2 and b.score > 0]
    again = {(b.src, b.tgt): b.score for b in discounted}
    assert any((b.src, b.tgt) in again and again[(b.src, b.tgt)] < b.score - 0.1 for b in long_plain)


def test_a_sentence_ends_weakly_without_a_full_stop():
    assert [ends_weakly(x) for x in ("Der Gipfel .", "So sagte er :", "« Ja ! »", "x ;", "Mythen", "你好。")] == [
        False, True, False, True, True, False]


def test_beads_whose_sides_end_alike_are_preferred():
    # Text+Berg's French is often cut at a colon or semicolon where the German goes on: the
    # French fragment belongs in a 1-2 bead with the next line, not alone against a full sentence.
    sa, ta = sentence_anchors(DE), sentence_anchors(FR)
    plain = align_sentences(DE, FR, sa, ta, AlignerConfig(boundary_cost=0.0))
    bounded = align_sentences(DE, FR, sa, ta, AlignerConfig(boundary_cost=0.5))
    gold = score_alignments([GOLD], [bounded]).f1_strict
    assert gold > score_alignments([GOLD], [plain]).f1_strict
    mixed = [b for b in bounded if b.src and b.tgt and ends_weakly(DE[b.src[-1]]) != ends_weakly(FR[b.tgt[-1]])]
    assert len(mixed) < len([b for b in plain if b.src and b.tgt
                             and ends_weakly(DE[b.src[-1]]) != ends_weakly(FR[b.tgt[-1]])])


def test_the_length_cost_levels_off_at_the_cap():
    targets = np.arange(0.0, 400.0, 5.0)
    plain = length_costs(100.0, targets, 1.0, 6.8)
    capped = length_costs(100.0, targets, 1.0, 6.8, cap=4.0)
    assert (capped <= 4.0).all() and (np.diff(capped[targets >= 100]) >= 0).all()
    assert abs(capped[targets == 100.0][0] - plain[targets == 100.0][0]) < 0.02  # a fitting bead: as before
    assert plain.max() > 20 and capped.max() > 3.9


def test_a_caption_spliced_into_a_sentence_leaves_its_bead_whole():
    # Text+Berg's OCR put picture captions into sentences: the German sentence grows by 160
    # characters its French translation does not have. Uncapped, the length cost of that 1-1
    # bead outweighs a deletion plus an insertion; capped at the cost of one skip it does not.
    caption = (" Blick vom Gipfel des Nadelhorns auf Stecknadelhorn , Höhberghorn und Dürrenhorn im Abendlicht ,"
               " im Hintergrund die Mischabelgruppe und der Monte Rosa")
    ones = [(s[0], t[0]) for s, t in GOLD if len(s) == 1 and len(t) == 1][10:60:5]
    kept = {False: 0, True: 0}
    for i, j in ones:
        de = [x + caption if k == i else x for k, x in enumerate(DE)]
        for cap in kept:
            beads = align_sentences(de, FR, sentence_anchors(de), sentence_anchors(FR), AlignerConfig(cap_at_skip=cap))
            kept[cap] += any(b.src == (i,) and b.tgt == (j,) for b in beads)
    assert kept[True] >= len(ones) // 2 > kept[False]
