"""The length model pooled over several documents, the two passes as two calls, the discount
of anchors shared by long beads and the cost of sides that end differently — on a real
Text+Berg document and its gold."""

from pathlib import Path

from align.anchors import sentence_anchors
from align.evaluate import read_gold, score_alignments
from align.length import fit_model, pooled_model
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
