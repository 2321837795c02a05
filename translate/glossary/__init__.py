"""Glossaries: concepts with canonical English and Vietnamese forms and per-language terms.

The model (``model``), its file formats (``gloss``, ``tbx``, ``tabular``, chosen in
``interchange``), loading and locked saving (``store``), edits (``edit``), merging and validation.
"""

from translate.glossary.model import Concept, Glossary, Status, Term
from translate.glossary.store import (
    default_glossary_path,
    editing,
    load_glossary,
    save_glossary,
    shipped_glossary_path,
)

__all__ = [
    "Concept",
    "Glossary",
    "Status",
    "Term",
    "default_glossary_path",
    "editing",
    "load_glossary",
    "save_glossary",
    "shipped_glossary_path",
]
