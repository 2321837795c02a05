"""One module per language: its segmentation exceptions, normalisation and inflection rules.

Adding a language is adding a module ``translate/langs/<code>.py`` that defines ``LANGUAGE``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache

from translate.errors import UsageError
from translate.langs.base import Language

KNOWN = ("uk", "pl", "id", "ar", "en", "vi")
# A BCP 47 tag as glossaries and interchange files use them: "uk", "pt-BR", "zh-Hant-TW".
_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")


def is_language_code(code: str) -> bool:
    """Whether ``code`` is a language tag ("uk", "pt-BR"); "pt_BR" must be normalised first."""
    return bool(_CODE.match(code))


def require_language(code: str, also: Iterable[str] = (), option: str = "--lang") -> str:
    """``code`` checked as a command-line language: a known language or one of ``also``.

    ``also`` names codes the command can still work with (e.g. the languages a glossary
    has terms in); anything else is most likely a typo and a BacktransError.
    """
    allowed = {*KNOWN, *also}
    if code.lower() in {c.lower() for c in allowed} and is_language_code(code):
        return code
    raise UsageError(f"{option}: unknown language {code!r}; expected one of {', '.join(sorted(allowed))}")


def normalise_language(code: str) -> str | None:
    """``code`` as a glossary stores it; None when it is not a language tag.

    A region or script variant of a language backtrans knows is that language, whatever
    its case or separator: "EN-us", "en_GB", "uk-UA", "ar-SA", "vi-Latn-VN" → en, en, uk,
    ar, vi. Any other tag keeps its subtags in BCP 47 case: "pt_br" → "pt-BR",
    "ZH-hant-tw" → "zh-Hant-TW".
    """
    tag = code.strip().replace("_", "-")
    if not is_language_code(tag):
        return None
    base, *subtags = tag.split("-")
    base = base.lower()
    if base in KNOWN:
        return base
    out = [base]
    for i, sub in enumerate(subtags):
        if len(sub) == 1:  # an extension or private use ("x-..."): lower case to the end
            out += [s.lower() for s in subtags[i:]]
            break
        out.append(sub.upper() if len(sub) == 2 else sub.title() if len(sub) == 4 and sub.isalpha() else sub.lower())
    return "-".join(out)


def language_variant(code: str) -> str:
    """The tag as written, case and separator aside ("EN_us" → "en-us"): what tells en-US
    from en-GB where :func:`normalise_language` makes both en."""
    return code.strip().replace("_", "-").lower()


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


__all__ = ["KNOWN", "Language", "get_language", "is_language_code", "language_variant", "normalise_language", "require_language"]
