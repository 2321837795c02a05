"""Units of one name decided by the document: the province it names is where its communes are.

Many Vietnamese units share a name (dozens of communes named Tân Phong). The recogniser gives
such a match every unit it may be (``Match.candidates``, the likeliest first); here the
provinces the same document names without doubt decide: a candidate in one of them wins. What
remains ambiguous keeps its candidates, so the report says so and nothing is guessed silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from translate.glossary.model import Glossary
from translate.terms.match import Match
from translate.terms.recogniser import level, province_of


def resolve_places(matches: Sequence[Match], glossary: Glossary) -> list[Match]:
    """``matches`` (of one document, in any order) with each ambiguous one narrowed to the
    candidates in the provinces the document names, its first candidate as its concept; a match
    left with one candidate is no longer ambiguous."""
    if not any(m.candidates for m in matches):
        return list(matches)
    named = {_province(glossary, m.concept) for m in matches if not m.candidates} - {""}
    for m in matches:  # an ambiguous name whose units all lie in one province names it too
        provinces = {_province(glossary, c) for c in m.candidates}
        if len(provinces) == 1:
            named |= provinces - {""}
    out = []
    for m in matches:
        if not m.candidates:
            out.append(m)
            continue
        pool = [c for c in m.candidates if _province(glossary, c) in named] or list(m.candidates)
        concept = glossary.get(pool[0])
        if concept is None:
            out.append(m)
            continue
        out.append(replace(m, concept=concept.id, en=concept.en, vi=concept.vi, kind=concept.kind,
                           province=province_of(glossary, concept), candidates=tuple(pool) if len(pool) > 1 else ()))
    return out


def _province(glossary: Glossary, concept_id: str) -> str:
    """The province a unit lies in, or the province itself (``""``: not a unit)."""
    concept = glossary.get(concept_id)
    if concept is None:
        return ""
    return province_of(glossary, concept) or (concept.en if concept.parent == "" and level(concept) == 0
                                               and concept.kind in ("province", "city") else "")
