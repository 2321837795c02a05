"""Protect: each recognised term replaced by its concept's canonical form in the hop's target language.

The mechanism is substitution by a surrogate the model copies: before a hop, each term found
in the sentence is replaced by the concept's canonical form in the hop's target language
("Хайзионг" → "Hai Duong" for uk→en, "Hai Duong" → "Hải Dương" for en→vi). Models trained on
ordinary parallel text copy such names and set phrases, whereas invented placeholders
(``###T01###``, ``⦅ph⦆``) are only kept by models trained with them. ``translate.pipeline.restore``
undoes what a model still does to a surrogate.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from translate.glossary.model import Glossary
from translate.terms import Match
from translate.terms.recogniser import shared_canonical


@dataclass(frozen=True)
class Slot:
    """One protected occurrence: the concept, what the source said and its canonical target form."""

    concept: str
    source: str  # the surface in the source sentence
    canonical: str  # the concept's form in the target language: the surrogate and the result


@dataclass(frozen=True)
class Protected:
    """A sentence as the model sees it: terms replaced by their canonical target forms."""

    original: str
    text: str
    slots: tuple[Slot, ...]

    @property
    def concepts(self) -> tuple[str, ...]:
        return tuple(s.concept for s in self.slots)


def protect(text: str, matches: Iterable[Match], target_lang: str, glossary: Glossary,
            leave: Collection[str] = ()) -> Protected:
    """Replace each term of ``text`` (its ``matches``, in text order) by its concept's canonical
    ``target_lang`` form.

    Terms of the concepts in ``leave`` stay as written (and get no slot): the repair that
    lets the model translate a term its own way. A concept without a canonical form in
    ``target_lang`` is left as written too. A name several units bear, which the document did
    not decide, is written in the form all of them share (``shared_canonical``).
    """
    slots: list[Slot] = []
    parts: list[str] = []
    at = 0
    for match in matches:
        concept = glossary.get(match.concept)
        canonical = concept.canonical(target_lang) if concept else ""
        if match.candidates:  # a name several units bear: the form they all share
            canonical = shared_canonical(filter(None, map(glossary.get, match.candidates)), target_lang) or canonical
        if not canonical or match.concept in leave:
            continue
        start, end = match.offset, match.offset + len(match.surface)
        # A clitic glued to the term (Arabic و/ل/ب) would glue itself to the surrogate: space it.
        before = " " if start > 0 and text[start - 1].isalnum() else ""
        after = " " if end < len(text) and text[end].isalnum() else ""
        parts += [text[at:start], before + canonical + after]
        at = end
        slots.append(Slot(match.concept, match.surface, canonical))
    parts.append(text[at:])
    return Protected(text, "".join(parts), tuple(slots))
