"""Term recognition: glossary concepts in texts of any language, through inflection and clitics.

``match`` is the value (one :class:`Match` type for every search), ``recogniser`` the compiled
automaton over each language's generated forms, ``fuzzy`` the tier of suspected new spellings,
``judge`` the one rule of what counts as rendering a concept, ``discover`` the Vietnamese
personal names no glossary holds. :func:`find_terms` is the entry.
"""

from __future__ import annotations

from translate.glossary.model import Glossary
from translate.terms.discover import People, discover_names
from translate.terms.fuzzy import find_suspects
from translate.terms.match import HOWS, How, Match, in_text_order, matches_json
from translate.terms.recogniser import Recogniser, is_name
from translate.terms.resolve import resolve_places


def find_terms(text: str, lang: str, glossary: Glossary, *, fuzzy: bool = False, resolve: bool = True,
               discover: bool = False, people: People | None = None) -> list[Match]:
    """Every occurrence of a concept of ``glossary`` in ``text`` written in ``lang``.

    Matches are in text order with 1-based line numbers and offsets within the line. Units of
    one name are decided by the provinces ``text`` names (``resolve``; a caller that finds the
    terms of a document sentence by sentence resolves them over the document with
    ``resolve_places``). With ``fuzzy``, suspected new spellings of names follow as
    ``How.FUZZY`` matches with a score. With ``discover`` (or ``people``, which keeps one form
    per person over several calls), Vietnamese personal names no glossary holds follow as
    ``How.DISCOVERED`` matches.
    """
    recogniser = Recogniser.for_glossary(glossary, lang)
    matches = recogniser.find(text)
    if resolve:
        matches = resolve_places(matches, glossary)
    if discover or people is not None:
        matches = in_text_order(matches + discover_names(text, lang, matches, people))
    if fuzzy:
        matches = in_text_order(matches + find_suspects(text, recogniser, matches))
    return matches



__all__ = ["HOWS", "How", "Match", "People", "Recogniser", "discover_names", "find_terms", "is_name", "matches_json", "resolve_places"]
