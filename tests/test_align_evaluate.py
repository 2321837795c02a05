"""Strict and lax precision/recall/F1 over beads, checked by hand against vecalign's definitions."""

from __future__ import annotations

import pytest

from align.bead import Bead
from align.evaluate import read_gold, score_alignments
from translate.errors import BacktransError


def test_scores_by_hand():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), (3,))]
    test = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), ()), Bead((), (2,)), Bead((3,), (3,))]
    s = score_alignments([gold], [test])
    # Precision over the 5 test beads: 3 exact; (1):(1) overlaps gold (1,2):(1) → lax only;
    # the deletion (2):() overlaps nothing.
    assert s.precision_strict == pytest.approx(3 / 5)
    assert s.precision_lax == pytest.approx(4 / 5)
    # Recall over the 3 gold beads without insertions/deletions: (1,2):(1) is lax only.
    assert s.recall_strict == pytest.approx(2 / 3)
    assert s.recall_lax == pytest.approx(1.0)
    assert s.f1_strict == pytest.approx(2 * 0.6 * (2 / 3) / (0.6 + 2 / 3))
    assert s.f1_lax == pytest.approx(2 * 0.8 / 1.8)


def test_counts_are_summed_over_documents():
    perfect = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    wrong = [((0,), (1,))]
    s = score_alignments([perfect, [((0,), (0,))]], [perfect, wrong])
    assert s.precision_strict == pytest.approx(3 / 4)  # not the mean of 1.0 and 0.0


def test_read_gold(tmp_path):
    p = tmp_path / "gold"
    p.write_text("[0]:[0, 1]\n[1, 2]:[]\n[]:[2]\n", encoding="utf-8")
    assert read_gold(p) == [((0,), (0, 1)), ((1, 2), ()), ((), (2,))]
    p.write_text("[0]:[0]\n[1] -> [1]\n", encoding="utf-8")
    with pytest.raises(BacktransError) as e:
        read_gold(p)
    assert e.value.line == 2
