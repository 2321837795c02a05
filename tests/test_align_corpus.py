"""Aligning several document pairs at once: the second pass's lexicon is pooled over them."""

from __future__ import annotations

import json

from align.documents import Sentences, align_corpus, align_documents
from align.lexicon import Cooccurrences
from align.sentences import AlignerConfig
from tests.helpers import run_cli

# "Gipfel"/"sommet" occur together twice here: enough for the lexicon (min_count 2).
P = (["Der Gipfel war weit.", "Wir assen Brot.", "Der Gipfel rief uns.", "Es regnete stark."],
     ["Le sommet était loin.", "Nous mangions du pain.", "Le sommet nous appelait.", "Il pleuvait fort."])
# Once only here: a lexicon learnt from this document alone lacks the pair.
Q = (["Der Regen hörte auf.", "Wir gingen langsam weiter.", "Der Gipfel war nah.", "Dann kam die Nacht."],
     ["La pluie cessa enfin.", "Nous avancions lentement.", "Le sommet était proche.", "Puis vint la nuit."])


def _sentences(texts: list[str], lang: str) -> Sentences:
    return Sentences(list(texts), [False] * len(texts), lang)


def _pairs():
    return [(_sentences(P[0], "de"), _sentences(P[1], "fr")), (_sentences(Q[0], "de"), _sentences(Q[1], "fr"))]


def test_pooled_lexicon_adds_evidence_the_single_document_lacks():
    alone = align_documents(*_pairs()[1])
    pooled = align_corpus(_pairs(), config=AlignerConfig(model1_weight=0.0))[1]  # the lexicon alone
    assert [(b.src, b.tgt) for b in pooled.beads] == [((i,), (i,)) for i in range(4)]
    assert [(b.src, b.tgt) for b in alone.beads] == [(b.src, b.tgt) for b in pooled.beads]
    # Pooled, the Gipfel/sommet and Wir/Nous beads gain a lexicon anchor; the others do not.
    assert pooled.beads[2].score > alone.beads[2].score + 0.5
    assert pooled.beads[1].score > alone.beads[1].score + 0.5
    for k in (0, 3):
        assert pooled.beads[k].score == alone.beads[k].score


def test_single_document_lexicon_lacks_the_pair_pooled_has():
    from align.sentences import align_sentences

    def lexicon(docs):
        counts = Cooccurrences()
        for s, t in docs:
            counts.add(s, t, align_sentences(s, t))
        return counts.lexicon().pairs

    assert ("gipfel", "sommet") not in lexicon([Q])
    assert ("gipfel", "sommet") in lexicon([P, Q])


def test_align_corpus_equals_align_documents_for_one_pair():
    [one] = align_corpus(_pairs()[1:])
    alone = align_documents(*_pairs()[1])
    assert [(b.src, b.tgt, b.score) for b in one.beads] == [(b.src, b.tgt, b.score) for b in alone.beads]


def test_align_cli_pools_folders(tmp_path):
    for side, lang in ((0, "de"), (1, "fr")):
        folder = tmp_path / lang
        folder.mkdir()
        (folder / "p.txt").write_text("\n".join(P[side]) + "\n", encoding="utf-8")
        (folder / "q.txt").write_text("\n".join(Q[side]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli(["align", str(tmp_path / "de"), str(tmp_path / "fr"), "--src-lang", "de", "--tgt-lang", "fr",
                 "--lines", "--format", "json", "--no-glossary", "-o", str(out)])
    assert r.returncode == 0, r.stderr
    assert "second pass: 2/2 documents" in r.stderr  # stderr is not a terminal here: a plain line
    beads = json.loads((out / "q.json").read_text(encoding="utf-8"))
    pooled = align_corpus(_pairs())[1]
    assert [(b["src"], b["tgt"]) for b in beads] == [(list(b.src), list(b.tgt)) for b in pooled.beads]
    assert [b["score"] for b in beads] == [round(b.score, 4) for b in pooled.beads]


def test_align_corpus_reports_each_document_of_the_pooled_second_pass():
    seen: list[tuple[int, int]] = []
    align_corpus(_pairs(), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
