"""Term recognition: glossary concepts in texts of any language, through inflection and clitics."""

from translate.terms.match import HOWS, Match
from translate.terms.recogniser import Recogniser, find_terms, is_name

__all__ = ["HOWS", "Match", "Recogniser", "find_terms", "is_name"]
