"""Renderings of a Vietnamese name in the languages a concept has no terms in, from its vi form.

Each language module says how its texts write a Vietnamese name (``Language.render_vietnamese``:
uk the practical transcription and the letter-by-letter reading, ar the phonetic spelling, the
Latin-script languages the name without diacritics); the terms made here are marked generated.
"""

from __future__ import annotations

from dataclasses import replace

from translate.glossary.kinds import is_place, is_proper_name, is_vietnamese_name
from translate.glossary.model import CANONICAL_LANGUAGES, Concept, Status, Term
from translate.langs import KNOWN, get_language

RENDERED_LANGUAGES = tuple(code for code in KNOWN if code not in CANONICAL_LANGUAGES)


def generated_terms(concept: Concept, lang: str) -> list[Term]:
    """The terms of ``concept``'s Vietnamese name in ``lang``: preferred first, then admitted."""
    if not concept.vi or not is_vietnamese_name(concept.kind):
        return []
    forms = get_language(lang).render_vietnamese(concept.vi, place=is_place(concept.kind))
    return [Term(text, lang, Status.PREFERRED if i == 0 else Status.ADMITTED, generated=True)
            for i, text in enumerate(forms)]


def with_generated(concept: Concept, langs: tuple[str, ...] = RENDERED_LANGUAGES) -> Concept:
    """``concept`` with generated terms in each language of ``langs`` it has none in (itself when none)."""
    missing = [lang for lang in langs if lang not in concept.terms]
    if not missing or not is_vietnamese_name(concept.kind):
        return concept
    terms = dict(concept.terms)
    for lang in missing:
        made = generated_terms(concept, lang)
        if made:
            terms[lang] = made
    return replace(concept, terms=terms)


def term_forms(concept: Concept) -> list[tuple[Term, list[str]]]:
    """Each term of ``concept`` with the other forms a text may write it in (its language
    module's declensions and spellings), as the recogniser will look for them."""
    out = []
    for terms in concept.terms.values():
        for term in terms:
            forms = get_language(term.lang).forms(term.text, name=is_proper_name(concept.kind))
            out.append((term, [form for form, how in forms if form != term.text]))
    return out
