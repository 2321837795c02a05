"""The public face of term recognition: ``find_terms(text, lang, glossary)`` -> ``list[Match]``.

The implementation lives in ``translate.terms`` (match value, compiled recogniser, fuzzy tier).
"""

from translate.terms import HOWS, Match, Recogniser, find_terms, is_name

__all__ = ["HOWS", "Match", "Recogniser", "find_terms", "is_name"]
