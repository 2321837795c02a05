"""Recognise: the glossary terms of every source sentence of a run, found once.

The matches serve the whole run: protecting each sentence before its first hop (and again,
partly, when a repair leaves terms to the model) and, at the end, saying which concepts each
output must carry (``translate.pipeline.verify.expected_concepts``).
"""

from __future__ import annotations

from collections.abc import Iterable

from translate.glossary.model import Glossary
from translate.pipeline.read import Document
from translate.terms import Match, find_terms

SourceTerms = dict[str, dict[str, list[Match]]]  # language → sentence → its matches


def recognise_documents(docs: Iterable[Document], glossary: Glossary) -> SourceTerms:
    """The matches of each distinct source sentence of ``docs``, by language and sentence."""
    out: SourceTerms = {}
    for doc in docs:
        by_text = out.setdefault(doc.lang or "", {})
        for segment in doc.segments:
            if segment.text not in by_text:
                by_text[segment.text] = find_terms(segment.text, doc.lang or "", glossary)
    return out
