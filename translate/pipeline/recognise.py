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
from dataclasses import dataclass

from translate.glossary.model import Glossary
from translate.pipeline.read import Document
from translate.terms import Match, People, discover_names, find_terms, resolve_places
from translate.terms.discover import NameCandidate, name_candidates
from translate.terms.match import in_text_order

SourceTerms = dict[str, dict[str, list[Match]]]  # language → sentence → its matches


def recognise_documents(docs: Iterable[Document], glossary: Glossary, people: People | None = None,
                        found: Iterable[Found] | None = None) -> SourceTerms:
    """The matches of each distinct source sentence of ``docs``, by language and sentence.
    ``found``: each document's :func:`find_in_document`, when found already (e.g. in Ray tasks)."""
    out: SourceTerms = {}
    docs = list(docs)
    for doc, known in zip(docs, [None] * len(docs) if found is None else found):
        by_text = out.setdefault(doc.lang or "", {})
        texts = [segment.text for segment in doc.segments]
        for text, matches in zip(texts, recognise_segments(texts, doc.lang or "", glossary, people=people,
                                                           found=known)):
            by_text.setdefault(text, matches)
    return out


@dataclass(frozen=True)
class Found:
    """What a document's segments hold before :class:`People` is asked (no state: it may be
    found apart, in any order): glossary matches, places decided, and the names' candidates."""

    matches: list[list[Match]]
    names: list[list[NameCandidate]] | None  # None: names not looked for


def find_segments(texts: list[str], lang: str, glossary: Glossary, *, fuzzy: bool = False,
                  names: bool = True) -> Found:
    """The stateless part of :func:`recognise_segments`: units of one name decided over the document."""
    found = [find_terms(t, lang, glossary, fuzzy=fuzzy, resolve=False) if t else [] for t in texts]
    flat = resolve_places([m for ms in found for m in ms], glossary)
    out, at = [], 0
    for ms in found:
        out.append(flat[at:at + len(ms)])
        at += len(ms)
    return Found(out, [name_candidates(t, lang) if t else [] for t in texts] if names else None)


def find_in_document(doc: Document, glossary: Glossary, names: bool = True) -> Found:
    """:func:`find_segments` of a document's sentences (a stage function a backend may map)."""
    return find_segments([segment.text for segment in doc.segments], doc.lang or "", glossary, names=names)


def recognise_segments(texts: list[str], lang: str, glossary: Glossary, *, fuzzy: bool = False,
                       people: People | None = None, found: Found | None = None) -> list[list[Match]]:
    """The matches of each of a document's segments, units of one name decided over the document;
    with ``people``, the names it discovers follow each segment's glossary matches in text order.
    ``found``: the :func:`find_segments` of ``texts``, when found already."""
    if found is None:
        found = find_segments(texts, lang, glossary, fuzzy=fuzzy, names=people is not None)
    if people is None:
        return found.matches
    assert found.names is not None, "names were not looked for"
    return [in_text_order(matches + discover_names(text, lang, matches, people, candidates)) if text else matches
            for text, matches, candidates in zip(texts, found.matches, found.names)]
