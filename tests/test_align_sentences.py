"""Sentence alignment on real text: a seed against an edited copy, and Text+Berg de–fr."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.anchors import (
    cognate_anchors,
    merge_anchors,
    number_anchors,
    number_value,
    sentence_anchors,
)
from align.bead import Anchor, Bead
from align.evaluate import read_gold, score_alignments
from align.sentences import AlignerConfig, align_sentences, gale_church

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "align"


def _seed_lines() -> list[str]:
    text = (ROOT / "seeds" / "pl_nam_dinh_grassroots.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def _edit(src: list[str], ops: dict[int, str]) -> tuple[list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Apply hand-written operations keyed by source index; return the target and gold beads.

    keep (default), drop, merge (with the next line), split (at the first '. '), swap (with
    the next line: one 2-2 bead, the only monotonic bead for a local reordering), insert
    (a new line after this one).
    """
    tgt: list[str] = []
    gold = []
    i = 0
    while i < len(src):
        op = ops.get(i, "keep")
        k = len(tgt)
        if op == "drop":
            gold.append(((i,), ()))
        elif op == "merge":
            tgt.append(src[i] + " " + src[i + 1])
            gold.append(((i, i + 1), (k,)))
            i += 1
        elif op == "split":
            cut = src[i].index(". ") + 1
            tgt += [src[i][:cut], src[i][cut + 1:]]
            gold.append(((i,), (k, k + 1)))
        elif op == "swap":
            tgt += [src[i + 1], src[i]]
            gold.append(((i, i + 1), (k, k + 1)))
            i += 1
        else:
            tgt.append(src[i])
            gold.append(((i,), (k,)))
            if op == "insert":
                tgt.append("Od redakcji: artykuł skrócono, a tytuły dodała redakcja portalu.")
                gold.append(((), (k + 1,)))
        i += 1
    return tgt, gold


def test_seed_against_edited_copy_recovers_gold_beads():
    src = _seed_lines()
    assert len(src) > 40
    split_at = next(i for i in range(10, len(src)) if ". " in src[i][20:-20])
    ops = {4: "merge", 9: "drop", split_at: "split", 24: "swap", 30: "insert", 35: "merge"}
    assert len(set(ops)) == len(ops) and split_at not in (5, 25, 36)
    tgt, gold = _edit(src, ops)
    beads = align_sentences(src, tgt, sentence_anchors(src), sentence_anchors(tgt))
    assert [(b.src, b.tgt) for b in beads] == gold


def test_coarse_to_fine_follows_a_path_far_from_the_diagonal():
    # 30 sentences dropped at the start push the path far off the diagonal; searched coarse to
    # fine (whole matrix only below 8 sentences, a corridor of 8 around each coarse path), it
    # must find the same path as a search over the whole matrix. (The variance is fixed: two
    # thirds of the text dropped make the documents' length ratio, the first pass's, 0.05.)
    src = _seed_lines()
    tgt = src[30:]
    sa, ta = sentence_anchors(src), sentence_anchors(tgt)
    narrow = align_sentences(src, tgt, sa, ta, AlignerConfig(full_size=8, variance=12.0))
    full = align_sentences(src, tgt, sa, ta, AlignerConfig(full_size=len(src), variance=12.0))
    assert len(src) > 4 * 8
    assert narrow == full
    pairs = [(b.src, b.tgt) for b in narrow]
    assert pairs[:20] == [((i,), ()) for i in range(20)]
    assert pairs[-10:] == [((i,), (i - 30,)) for i in range(len(src) - 10, len(src))]


def test_beats_gale_church_on_text_berg_document():
    de = (DATA / "textberg_001.de").read_text(encoding="utf-8").splitlines()
    fr = (DATA / "textberg_001.fr").read_text(encoding="utf-8").splitlines()
    gold = read_gold(DATA / "textberg_001.gold")
    ours = score_alignments([gold], [align_sentences(de, fr, sentence_anchors(de), sentence_anchors(fr))])
    gc = score_alignments([gold], [gale_church(de, fr)])
    assert ours.f1_strict > gc.f1_strict + 0.15
    assert ours.f1_lax > gc.f1_lax


def test_empty_sides():
    assert align_sentences([], []) == []
    assert [(b.src, b.tgt) for b in align_sentences(["Jedno zdanie."], [])] == [((0,), ())]
    assert [(b.src, b.tgt) for b in align_sentences([], ["One.", "Two."])] == [((), (0,)), ((), (1,))]


def test_bead_cost_hook_is_added():
    src, tgt = ["Aaaa aaaa.", "Bbbb bbbb."], ["Cccc cccc.", "Dddd dddd."]
    # A hook that forbids the two 1-1 beads forces the 2-2 bead.
    def veto(s: tuple[int, ...], t: tuple[int, ...]) -> float:
        return 100.0 if len(s) == len(t) == 1 else 0.0
    assert [(b.src, b.tgt) for b in align_sentences(src, tgt, bead_cost=veto)] == [((0, 1), (0, 1))]
    assert Bead((0, 1), (0,)).kind == "2-1"


@pytest.mark.parametrize(
    "written, value",
    [
        ("8.850,26", "8850.26"), ("8,850.26", "8850.26"), ("8 850,26", "8850.26"),
        ("8\u00a0850,26", "8850.26"), ("٨٨٥٠٫٢٦", "8850.26"), ("۸۸۵۰", "8850"),
        ("1.000.000", "1000000"), ("1,5", "1.5"), ("0,125", "0.125"), ("2023", "2023"),
    ],
)
def test_numbers_compare_by_value_across_locales(written, value):
    assert number_value(written) == [value]


def test_number_anchors_in_sentences():
    uk = "Площа 8 850,26 га, у 2023 році — 12 проєктів."
    en = "An area of 8,850.26 ha; in 2023, 12 projects."
    assert number_anchors(uk) == number_anchors(en) == {
        Anchor("number", "8850.26"), Anchor("number", "2023"), Anchor("number", "12")
    }
    # A date is not one number: its parts are.
    assert number_anchors("9.9.1988") == {Anchor("number", "9"), Anchor("number", "1988")}


def test_concept_anchors_plug_in_by_merging():
    src, tgt = ["Хай Дуонг росте.", "Інше речення тут."], ["Other sentence here.", "Hai Duong grows."]
    concepts_src = [{Anchor("concept", "hai-duong")}, set()]
    concepts_tgt = [set(), {Anchor("concept", "hai-duong")}]
    sa = merge_anchors(sentence_anchors(src, words=False), concepts_src)
    ta = merge_anchors(sentence_anchors(tgt, words=False), concepts_tgt)
    assert Anchor("concept", "hai-duong") in sa[0]
    # The shared concept pulls source 0 and target 1 into one bead despite the crossing.
    beads = align_sentences(src, tgt, sa, ta)
    assert any(0 in b.src and 1 in b.tgt for b in beads)


def test_cognate_anchors_pair_look_alike_words_only():
    # psychologische/psychologique: common subsequence of 11 letters, Indel similarity 22/27 = 0.81;
    # oktober/octobre only 10/14 = 0.71, below 0.75; "Mythen" is identical (a word anchor).
    src = ["Die psychologische Belastung am Mythen .", "Im Oktober ."]
    tgt = ["La charge psychologique au Mythen .", "En octobre ."]
    sa, ta = cognate_anchors(src, tgt)
    pair = Anchor("cognate", "psychologische\tpsychologique")
    assert sa == [frozenset({pair}), frozenset()]
    assert ta == [frozenset({pair}), frozenset()]
