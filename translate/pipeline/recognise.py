"""Recognise: the glossary terms of every source sentence of a run, found once.

The matches serve the whole run: protecting each sentence before its first hop (and again,
partly, when a repair leaves terms to the model) and, at the end, saying which concepts each
output must carry (``translate.pipeline.verify.expected_concepts``). Units of one name are
decided over each document (``translate.terms.resolve_places``); a sentence that two documents
share keeps its first document's reading.
"""

from __future__ import annotations

from collections.abc import Iterable

from translate.glossary.model import Glossary
from translate.pipeline.read import Document
from translate.terms import Match, find_terms, resolve_places

SourceTerms = dict[str, dict[str, list[Match]]]  # language → sentence → its matches


def recognise_documents(docs: Iterable[Document], glossary: Glossary) -> SourceTerms:
    """The matches of each distinct source sentence of ``docs``, by language and sentence."""
    out: SourceTerms = {}
    for doc in docs:
        by_text = out.setdefault(doc.lang or "", {})
        texts = [segment.text for segment in doc.segments]
        for text, matches in zip(texts, recognise_segments(texts, doc.lang or "", glossary)):
            by_text.setdefault(text, matches)
    return out


def recognise_segments(texts: list[str], lang: str, glossary: Glossary, *, fuzzy: bool = False) -> list[list[Match]]:
    """The matches of each of a document's segments, units of one name decided over the document."""
    found = [find_terms(t, lang, glossary, fuzzy=fuzzy, resolve=False) if t else [] for t in texts]
    flat = resolve_places([m for ms in found for m in ms], glossary)
    out, at = [], 0
    for ms in found:
        out.append(flat[at:at + len(ms)])
        at += len(ms)
    return out
