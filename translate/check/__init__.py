"""Consistency checks for translators: variants, glossary violations, numbers, untranslated text."""

from translate.check.checks import CHECKS, SEVERITIES, check_documents, check_files
from translate.check.inputs import expand_targets, load_document
from translate.check.model import (
    CheckedDocument,
    ConceptUsage,
    Finding,
    Location,
    Place,
    Rendering,
    Report,
    Segment,
    Severity,
)

__all__ = [
    "CHECKS", "SEVERITIES", "CheckedDocument", "ConceptUsage", "Finding", "Location", "Place",
    "Rendering", "Report", "Segment", "Severity", "check_documents", "check_files", "expand_targets",
    "load_document",
]
