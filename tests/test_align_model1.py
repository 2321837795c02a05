"""The Model 1 bead cost of the pooled second pass (align.model1): learnt by EM, cross-fitted."""

from __future__ import annotations

import numpy as np

from align.bead import Bead
from align.model1 import NULL, Vocabulary, cross_fitted_costs, train

# Three documents of one pair, each sentence a translation of the one beside it.
DOCS = [
    (["Der Gipfel war weit.", "Wir assen Brot.", "Der Wind war kalt.", "Es regnete stark."],
     ["Le sommet était loin.", "Nous mangions du pain.", "Le vent était froid.", "Il pleuvait fort."]),
    (["Der Regen hörte auf.", "Wir gingen weiter.", "Der Gipfel war nah.", "Dann kam die Nacht."],
     ["La pluie cessa.", "Nous avancions.", "Le sommet était proche.", "Puis vint la nuit."]),
    (["Der Wind war stark.", "Wir assen Käse.", "Der Gipfel rief uns.", "Die Nacht war kalt."],
     ["Le vent était fort.", "Nous mangions du fromage.", "Le sommet nous appelait.", "La nuit était froide."]),
]


def _diagonal(n: int) -> list[Bead]:
    return [Bead((i,), (i,)) for i in range(n)]


def test_em_learns_the_word_that_keeps_company():
    src, tgt = Vocabulary(), Vocabulary()
    bitext = [(src(s), tgt(t)) for s_doc, t_doc in DOCS for s, t in zip(s_doc, t_doc)]
    model = train(bitext, [t for _, t in bitext], len(src), len(tgt))
    gipfel = src("Gipfel")
    sommet, vent = tgt("sommet"), tgt("vent")
    assert model.sums(gipfel, sommet)[0] > 5 * model.sums(gipfel, vent)[0]
    # The empty word explains the words every sentence has, not the content words.
    assert model.sums(np.array([NULL]), tgt("le"))[0] > model.sums(np.array([NULL]), sommet)[0]


def test_a_translation_costs_less_than_a_neighbour_and_a_swallowed_sentence_costs_more():
    costs = cross_fitted_costs([(s, t, _diagonal(len(s))) for s, t in DOCS], weight=1.0)
    cost = costs[1]  # "Der Gipfel war nah." / "Le sommet était proche.", learnt from documents 0 and 2
    assert cost((2,), (2,)) < 0
    assert cost((2,), (2,)) < cost((2,), (1,))
    assert cost((2,), (2,)) < cost((2,), (2, 3)) - 1
    assert cost((2,), ()) == cost((), (2,)) == 0.0


def test_each_document_is_scored_by_the_other_documents_beads_only():
    right = [(s, t, _diagonal(len(s))) for s, t in DOCS]
    # Document 1's own first pass made wrong: its cost does not change, document 0's does.
    wrong = [right[0], (DOCS[1][0], DOCS[1][1], [Bead((0, 1), (0,)), Bead((2,), (1,)), Bead((3,), (2, 3))]), right[2]]
    before, after = cross_fitted_costs(right, 1.0), cross_fitted_costs(wrong, 1.0)
    beads = [((i,), (j,)) for i in range(4) for j in range(4)]
    assert [before[1](*b) for b in beads] == [after[1](*b) for b in beads]
    assert [before[0](*b) for b in beads] != [after[0](*b) for b in beads]


def test_many_documents_are_scored_by_k_folds(monkeypatch):
    import align.model1 as model1

    monkeypatch.setattr(model1, "FOLDS", 2)
    right = [(s, t, _diagonal(len(s))) for s, t in DOCS]
    # Fold 0 holds documents 0 and 2, so document 0 is scored by document 1's beads alone:
    # spoiling document 2's first pass leaves it as it was, spoiling document 1's does not.
    spoilt = [Bead((0, 1), (0,)), Bead((2,), (1,)), Bead((3,), (2, 3))]
    beads = [((i,), (j,)) for i in range(4) for j in range(4)]
    before = [cross_fitted_costs(right, 1.0)[0](*b) for b in beads]
    assert before == [cross_fitted_costs([*right[:2], (*DOCS[2], spoilt)], 1.0)[0](*b) for b in beads]
    assert before != [cross_fitted_costs([right[0], (*DOCS[1], spoilt), right[2]], 1.0)[0](*b) for b in beads]


def test_documents_without_two_sided_beads_or_sentences_cost_nothing_extra():
    docs = [(["Der Gipfel."], ["Le sommet."], [Bead((0,), ()), Bead((), (0,))]), ([], [], [])]
    costs = cross_fitted_costs(docs, 1.0)
    assert abs(costs[0]((0,), (0,))) < 1e-9  # nothing learnt from the other document: the unigram, centred
    assert costs[1]((), ()) == 0.0
