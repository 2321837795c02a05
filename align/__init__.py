"""Sentence and term alignment, its evaluation, and translation scoring (sacrebleu metrics, terminology).

The library face of ``backtrans align`` and ``backtrans score``::

    import align, translate
    run = align.align_files("report.uk.txt", "report.en.txt", "uk", "en", glossary=translate.load_glossary())
    open("report.tmx", "wb").write(align.render(run.aligned[0], align.AlignFormat.tmx))
    print(align.score_files("hyp.txt", "ref.txt", "en", glossary=translate.load_glossary()).to_text())
"""

from align.bead import Anchor, Bead
from align.documents import (
    AlignedDocuments,
    AlignmentRun,
    Sentences,
    align_corpus,
    align_documents,
    align_files,
    pair_documents,
    read_sentences,
)
from align.export import AlignFormat, render
from align.length import LengthModel
from align.lexicon import align_two_pass
from align.score import ScoreRun, score_files
from align.sentences import (
    AlignerConfig,
    Alignment,
    align_sentences,
    fit_alignment,
    gale_church,
)
from align.terms import TermLink, align_terms

__all__ = [
    "AlignFormat", "AlignedDocuments", "AlignerConfig", "Alignment", "AlignmentRun", "LengthModel", "Anchor", "Bead", "ScoreRun", "Sentences",
    "TermLink", "align_corpus", "align_documents", "align_files", "align_sentences", "align_terms", "align_two_pass",
    "fit_alignment", "gale_church", "pair_documents", "read_sentences", "render", "score_files",
]
