"""Recognise: the glossary terms of every source sentence of a run, found once.

The matches serve the whole run: protecting each sentence before its first hop (and again,
partly, when a repair leaves terms to the model) and, at the end, saying which concepts each
output must carry (``translate.pipeline.verify.expected_concepts``). Units of one name are
decided over each document (``translate.terms.resolve_places``); a sentence that two documents
share keeps its first document's reading. With :class:`~translate.terms.People`, the Vietnamese
personal names no glossary holds are found too, one form per person over the run.
"""

from __future__ import annotations

from collections.abc import Iterable

from translate.glossary.model import Glossary
from translate.pipeline.read import Document
from translate.terms import Match, People, discover_names, find_terms, resolve_places
from translate.terms.match import in_text_order

SourceTerms = dict[str, dict[str, list[Match]]]  # language → sentence → its matches


def recognise_documents(docs: Iterable[Document], glossary: Glossary, people: People | None = None) -> SourceTerms:
    """The matches of each distinct source sentence of ``docs``, by language and sentence."""
    out: SourceTerms = {}
    for doc in docs:
        by_text = out.setdefault(doc.lang or "", {})
        texts = [segment.text for segment in doc.segments]
        for text, matches in zip(texts, recognise_segments(texts, doc.lang or "", glossary, people=people)):
            by_text.setdefault(text, matches)
    return out


def recognise_segments(texts: list[str], lang: str, glossary: Glossary, *, fuzzy: bool = False,
                       people: People | None = None) -> list[list[Match]]:
    """The matches of each of a document's segments, units of one name decided over the document;
    with ``people``, the names it discovers follow each segment's glossary matches in text order."""
    found = [find_terms(t, lang, glossary, fuzzy=fuzzy, resolve=False) if t else [] for t in texts]
    flat = resolve_places([m for ms in found for m in ms], glossary)
    out, at = [], 0
    for text, ms in zip(texts, found):
        matches = flat[at:at + len(ms)]
        at += len(ms)
        if people is not None and text:
            matches = in_text_order(matches + discover_names(text, lang, matches, people))
        out.append(matches)
    return out
