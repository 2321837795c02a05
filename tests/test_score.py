"""sacrebleu figures through align.score equal sacrebleu's own; term metric math by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
import sacrebleu

from align.score import (
    ScoreInput,
    bleu_tokenize,
    consistency,
    exact_match,
    mt_scores,
    one_minus_term,
    score_documents,
    term_scores,
    window_overlap,
)
from tests.helpers import span_match
from translate.terms import Match

ROOT = Path(__file__).resolve().parent.parent


def _seed_pair() -> tuple[list[str], list[str]]:
    text = (ROOT / "seeds" / "id_ky_anh_party_building.txt").read_text(encoding="utf-8")
    refs = [line for line in text.splitlines() if line.strip()]
    # A degraded "hypothesis": every third line loses its last word, every fifth is lower-cased.
    hyps = [
        (r.rsplit(" ", 1)[0] if i % 3 == 0 else r).lower() if i % 5 == 0 else
        (r.rsplit(" ", 1)[0] if i % 3 == 0 else r)
        for i, r in enumerate(refs)
    ]
    return hyps, refs


def test_scores_equal_sacrebleu():
    hyps, refs = _seed_pair()
    got = {s.metric: s.value for s in mt_scores(hyps, refs, "id")}
    assert got["BLEU"] == pytest.approx(sacrebleu.corpus_bleu(hyps, [refs], tokenize="13a").score)
    assert got["chrF2"] == pytest.approx(sacrebleu.corpus_chrf(hyps, [refs]).score)
    assert got["TER"] == pytest.approx(sacrebleu.corpus_ter(hyps, [refs]).score)
    assert 0 < got["BLEU"] < 100


def test_per_document_and_corpus():
    hyps, refs = _seed_pair()
    docs = [ScoreInput("a", hyps[:10], refs[:10]), ScoreInput("b", hyps[10:], refs[10:])]
    out = score_documents(docs, "id")
    assert [d.name for d in out] == ["a", "b", "*corpus*"]
    assert out[2].scores[0].value == pytest.approx(sacrebleu.corpus_bleu(hyps, [refs]).score)
    assert out[0].scores[0].value == pytest.approx(sacrebleu.corpus_bleu(hyps[:10], [refs[:10]]).score)


def test_arabic_uses_intl_tokenizer():
    assert bleu_tokenize("ar") == "intl" and bleu_tokenize("uk") == "13a"
    hyp, ref = ["قال الرئيس، إن المشروع ناجح؟"], ["قال الرئيس، إن المشروع ناجح جدا؟"]
    got = mt_scores(hyp, ref, "ar")[0]
    assert "tok:intl" in got.signature
    assert got.value == pytest.approx(sacrebleu.corpus_bleu(hyp, [ref], tokenize="intl").score)


# Hand-made matches: the reference names three concepts; the hypothesis renders
# "party" inflected (the recogniser found it, so it counts), misses "province", and
# renders "committee" with a deprecated term (does not count).
REF = "The provincial Party Committee met the Party in Hai Duong province ."
HYP = "The Party's committee-board met the Party in Hai Duong ."


def _m(text: str, surface: str, concept: str, nth: int = 0, **kw) -> Match:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return span_match(concept, start, start + len(surface), surface, **kw)


REF_M = [_m(REF, "Party Committee", "committee"), _m(REF, "Party", "party", 1), _m(REF, "province", "province")]
HYP_M = [_m(HYP, "committee-board", "committee", deprecated=True), _m(HYP, "Party", "party", 1)]


def test_exact_match_inflected_missing_deprecated():
    assert exact_match([REF_M], [HYP_M]) == (1, 3)


def test_window_overlap_by_hand():
    # party in REF: left "met the", right "in Hai" (window 2); in HYP: left "met the", right
    # "in Hai": 4/4. committee (deprecated in HYP) and province are not paired, and only
    # paired occurrences are averaged (as in WMT21's script): 1.0 for the segment.
    assert window_overlap([HYP], [REF], [HYP_M], [REF_M], 2) == pytest.approx(1.0)
    # Window 3: REF "Committee met the" / "in Hai Duong"; HYP "committee-board met the" /
    # "in Hai Duong": 5 of 6 reference words.
    assert window_overlap([HYP], [REF], [HYP_M], [REF_M], 3) == pytest.approx(5 / 6)


def test_one_minus_term_by_hand():
    ref, hyp = "a b c d", "a x c d"
    m = [span_match("t", 2, 3, "b")]
    # One substitution of a term word costs 2 over 4 reference words.
    assert one_minus_term([hyp], [ref], [m]) == pytest.approx(1 - 2 / 4)
    assert one_minus_term([hyp], [ref], [[]]) == pytest.approx(1 - 1 / 4)
    assert one_minus_term(["a b c d"], [ref], [m]) == pytest.approx(1.0)


def test_consistency_by_hand():
    segs = [
        [span_match("hd", 0, 1, "Hai Duong", term="Hai Duong")],
        [span_match("hd", 0, 1, "Hai Duong", term="Hai Duong")],
        [span_match("hd", 0, 1, "Haiduong", term="Haiduong"), span_match("x", 0, 1, "once")],
    ]
    assert consistency(segs) == pytest.approx(2 / 3)
    assert consistency([[span_match("x", 0, 1, "once")]]) == 1.0


def test_term_scores_with_a_recogniser_callable():
    table = {REF: REF_M, HYP: HYP_M}
    s = term_scores([HYP], [REF], "en", lambda text, lang: table[text])
    assert (s.found, s.expected) == (1, 3)
    assert s.exact_match == pytest.approx(1 / 3)
    assert s.window_overlap[2] == pytest.approx(1.0)


def test_japanese_without_the_mecab_extra_is_scored_by_characters(tmp_path):
    from tests.helpers import run_cli

    text = tmp_path / "ja.txt"
    text.write_text("こんにちは世界\n", encoding="utf-8")
    run = run_cli(["score", str(text), "--ref", str(text), "--lang", "ja"])
    assert run.returncode == 0, run.stderr
    assert "tok:ja-mecab" in run.stdout or "tok:char" in run.stdout  # the signature says which
