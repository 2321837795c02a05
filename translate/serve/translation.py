"""Texts in memory through the stages a batch run takes: segment → recognise → (per hop) protect →
translate → restore → verify, the same functions ``translate.pipeline.run`` calls.

A request's texts are one "document": each text is split into lines (paragraphs) and sentences,
its terms recognised once (units of one name decided over the request, one form per discovered
person), each hop enforced by ``translate.pipeline.hop.translate_hop`` (pivot routes through
English as a run does) and each sentence's output verified against its source concepts. The
model is whatever ``Hop`` callable is given: the server's request batcher, or an engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from translate.engine import ModelPackage
from translate.glossary.model import Glossary
from translate.pipeline.hop import translate_hop
from translate.pipeline.recognise import recognise_segments
from translate.pipeline.segment import split_sentences
from translate.pipeline.verify import expected_concepts, verify
from translate.terms import Match, People
from translate.terms.judge import Verdict

Hop = Callable[[ModelPackage, list[str]], list[str]]  # a package and unique sentences → their raw translations


@dataclass(frozen=True)
class Concept:
    """A concept recognised in a source text and the form its translation must write."""

    id: str
    source: str  # the surface in the source text
    target: str  # the canonical form in the target language ("" when the glossary has none)
    kind: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "target": self.target, "kind": self.kind}


@dataclass(frozen=True)
class GlossaryResult:
    """What the glossary did to one text: the concepts found and the verdict over its sentences."""

    name: str
    concepts: tuple[Concept, ...]
    verdict: Verdict

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "concepts": [c.to_json() for c in self.concepts], **self.verdict.to_json()}


@dataclass(frozen=True)
class TextResult:
    """One text's translation and, with a glossary, its glossary result."""

    text: str
    glossary: GlossaryResult | None = None


@dataclass(frozen=True)
class _Piece:
    """A sentence of a request: which text, and its span in the text."""

    text: int
    start: int
    end: int
    source: str


def translate_texts(texts: Sequence[str], source: str, target: str, route: Sequence[ModelPackage], hop: Hop,
                    glossary: Glossary | None, glossary_name: str = "") -> list[TextResult]:
    """``texts`` (in ``source``) translated into ``target`` through ``route``; each text keeps its
    line breaks and the spaces between its sentences. With ``glossary``, every hop is enforced
    and each text carries its concepts and verdict."""
    pieces = _pieces(texts, source)
    sentences = [p.source for p in pieces]
    matches: list[list[Match]] = [[] for _ in pieces]
    current = sentences
    if glossary is not None and pieces:
        people = People()
        matches = recognise_segments(sentences, source, glossary, people=people)
        glossary = people.over(glossary)
    for number, package in enumerate(route):
        unique = list(dict.fromkeys(current))
        if glossary is None:
            done = dict(zip(unique, hop(package, unique)))
            current = [done[t] for t in current]
        else:
            known = dict(zip(sentences, matches)) if number == 0 else None
            checked = translate_hop(unique, package.from_code, package.to_code, glossary, _bound(hop, package), known)
            current = [checked[t].text for t in current]
    outputs = _join(texts, pieces, current)
    if glossary is None:
        return [TextResult(t) for t in outputs]
    return [TextResult(out, _glossary_result(i, pieces, matches, current, target, glossary, glossary_name))
            for i, out in enumerate(outputs)]


def _bound(hop: Hop, package: ModelPackage) -> Callable[[list[str]], dict[str, str]]:
    """``hop`` through ``package`` as ``translate_hop`` calls a model: unique sentences → their translations."""
    return lambda batch: dict(zip(batch, hop(package, batch)))


def _pieces(texts: Sequence[str], lang: str) -> list[_Piece]:
    """The sentences of ``texts`` (each line split by ``lang``'s rules) with their spans in each text."""
    pieces = []
    for t, text in enumerate(texts):
        at = 0
        for line in text.splitlines(keepends=True):
            bare = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
            pieces += [_Piece(t, at + s, at + e, bare[s:e]) for s, e in split_sentences(bare, lang)]
            at += len(line)
    return pieces


def _join(texts: Sequence[str], pieces: list[_Piece], outputs: list[str]) -> list[str]:
    """Each text with its sentences replaced by their outputs; what lies between them kept."""
    parts: list[list[str]] = [[] for _ in texts]
    ends = [0] * len(texts)
    for piece, out in zip(pieces, outputs):
        parts[piece.text] += [texts[piece.text][ends[piece.text]:piece.start], out]
        ends[piece.text] = piece.end
    return ["".join(p) + text[end:] for p, text, end in zip(parts, texts, ends)]


def _glossary_result(text: int, pieces: list[_Piece], matches: list[list[Match]], outputs: list[str], target: str,
                     glossary: Glossary, name: str) -> GlossaryResult:
    """The concepts of one text's sentences and the verdict on their outputs, put together."""
    concepts: list[Concept] = []
    missing: list[str] = []
    extra: list[str] = []
    deprecated: list[str] = []
    for piece, found, out in zip(pieces, matches, outputs):
        if piece.text != text:
            continue
        for m in found:
            concept = glossary.get(m.concept)
            concepts.append(Concept(m.concept, m.surface, concept.canonical(target) if concept else "", m.kind))
        verdict = verify(expected_concepts(found, target, glossary), out, target, glossary)
        missing += verdict.missing
        extra += verdict.extra
        deprecated += verdict.deprecated
    verdict = Verdict(tuple(missing), tuple(dict.fromkeys(extra)), tuple(dict.fromkeys(deprecated)))
    return GlossaryResult(name, tuple(concepts), verdict)
