"""Glossaries: concepts with canonical English and Vietnamese forms and per-language terms."""

from translate.glossary.model import Concept, Glossary, Status, Term

__all__ = ["Concept", "Glossary", "Status", "Term"]
