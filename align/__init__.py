"""Sentence and term alignment, its evaluation, and translation scoring (sacrebleu metrics, terminology)."""

from align.bead import Anchor, Bead
from align.documents import (
    AlignedDocuments, Sentences, align_corpus, align_documents, pair_documents, read_sentences,
)
from align.lexicon import align_two_pass
from align.sentences import AlignerConfig, align_sentences, gale_church
from align.terms import TermLink, align_terms

__all__ = [
    "Anchor", "Bead", "AlignedDocuments", "Sentences", "AlignerConfig", "TermLink",
    "align_corpus", "align_documents", "align_sentences", "align_terms", "align_two_pass", "gale_church",
    "pair_documents", "read_sentences",
]
