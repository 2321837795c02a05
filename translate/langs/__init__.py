"""One module per language: its segmentation exceptions, normalisation and inflection rules.

Adding a language is adding a module ``translate/langs/<code>.py`` that defines ``LANGUAGE``.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from translate.langs.base import Language

KNOWN = ("uk", "pl", "id", "ar", "en", "vi")


@lru_cache(maxsize=None)
def get_language(code: str) -> Language:
    """The rules for language ``code``; a generic Language for codes without a module."""
    code = code.lower()
    if not code.isalpha():
        return Language(code=code)
    try:
        module = importlib.import_module(f"translate.langs.{code}")
    except ModuleNotFoundError:
        return Language(code=code)
    return module.LANGUAGE


__all__ = ["KNOWN", "Language", "get_language"]
