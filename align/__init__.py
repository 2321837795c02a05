"""Sentence alignment, its evaluation, and translation scoring (sacrebleu metrics, terminology)."""

from align.bead import Anchor, Bead
from align.documents import AlignedDocuments, Sentences, align_documents, read_sentences
from align.sentences import AlignerConfig, align_sentences, gale_church

__all__ = [
    "Anchor", "Bead", "AlignedDocuments", "Sentences", "AlignerConfig",
    "align_documents", "align_sentences", "gale_church", "read_sentences",
]
