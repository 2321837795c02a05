"""One module per language behind one contract (``translate.langs.base``), and the one registry.

Adding a language is adding a module ``translate/langs/<code>.py`` that defines ``LANGUAGE``;
every list of languages (those backtrans checks, translates and aligns, those detection tells
apart, the test models' pairs) derives from :data:`LANGUAGES`.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import re
from collections.abc import Iterable
from functools import lru_cache
from types import MappingProxyType

from translate.errors import UsageError
from translate.langs.base import Detection, Language, NumberFormat, Segmentation


def _discover() -> dict[str, Language]:
    found: dict[str, Language] = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            language = importlib.import_module(f"{__name__}.{module.name}").LANGUAGE
            found[language.code] = language
    return dict(sorted(found.items()))


LANGUAGES = MappingProxyType(_discover())
"""Every language with a module, by code."""
KNOWN: tuple[str, ...] = tuple(code for code, lang in LANGUAGES.items() if not lang.detection_only)
"""The languages backtrans recognises terms in, checks, translates from and aligns."""
DETECTABLE: tuple[str, ...] = KNOWN + tuple(code for code in LANGUAGES if code not in KNOWN)
"""The languages detection chooses among, on a tie in this order: the known ones, then those known to
detection only (Russian and Bulgarian, so as not to take them for Ukrainian)."""

# A BCP 47 tag as glossaries and interchange files use them: "uk", "pt-BR", "zh-Hant-TW".
_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")


def is_language_code(code: str) -> bool:
    """Whether ``code`` is a language tag ("uk", "pt-BR"); "pt_BR" must be normalised first."""
    return bool(_CODE.match(code))


def split_tag(tag: str) -> tuple[str, str | None]:
    """The language and region of a tag: "ar-MA" → ("ar", "MA"), "zh-Hant-TW" → ("zh", "TW"), "uk" → ("uk", None)."""
    base, *subtags = tag.strip().replace("_", "-").split("-")
    region = next((s.upper() for s in subtags if len(s) == 2 and s.isalpha() or len(s) == 3 and s.isdigit()), None)
    return base.lower(), region


@lru_cache(maxsize=None)
def get_language(code: str) -> Language:
    """The rules of language ``code`` (a region tag such as ar-MA is its language); a generic
    Language for any other code."""
    base, _ = split_tag(code)
    return LANGUAGES.get(base) or Language(code=base)


def require_language(code: str, also: Iterable[str] = (), option: str = "--lang", *, any_language: bool = False) -> str:
    """``code`` checked as a command-line language: a known language (or a region of one, "ar-MA",
    or its three-letter code, "ukr") or one of ``also``; returned as its language code ("ar"),
    region dropped. With ``any_language``, any registered language tag passes too ("fr", "zh-Hant":
    a command that works in every language, such as scoring).

    ``also`` names codes the command can still work with (e.g. the languages a glossary
    has terms in); anything else is most likely a typo: a UsageError with a suggestion.
    """
    import langcodes  # ~40 ms: only when a command checks a code

    allowed = {*KNOWN, *also}
    tag = normalise_language(code)
    if tag is not None and langcodes.tag_is_valid(tag):
        tag = normalise_language(langcodes.standardize_tag(tag)) or tag  # "ukr" → "uk"
    if tag is not None and tag.lower() in {c.lower() for c in allowed}:
        return tag
    if any_language and tag is not None and langcodes.tag_is_valid(tag):
        return tag
    expected = f"expected one of {', '.join(sorted(allowed))}{' or another language tag' if any_language else ''}"
    hint = _did_you_mean(code, allowed)
    if not hint and tag is not None and langcodes.tag_is_valid(tag):
        name = langcodes.Language.get(tag).display_name()
        if not name.startswith("Unknown"):  # a real language, not one this command has rules or terms for
            raise UsageError(f"{option}: no rules or glossary terms for {name} ({code!r}); {expected}")
    raise UsageError(f"{option}: unknown language {code!r}{hint}; {expected}")


def _did_you_mean(code: str, allowed: Iterable[str]) -> str:
    """A hint for a mistyped code: the close one, or the language of a country code given for it ("ua": uk)."""
    import langcodes

    close = difflib.get_close_matches(code.lower(), sorted(allowed), n=1)
    if not close and len(code) == 2 and code.isalpha():
        try:
            country = langcodes.Language.get(f"und-{code.upper()}")
            spoken = country.maximize().language if "Unknown" not in country.territory_name() else None
        except (LookupError, ValueError):
            spoken = None
        close = [spoken] if spoken and spoken in allowed and spoken != code.lower() else []
    return f" (did you mean {close[0]!r}?)" if close else ""


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


__all__ = [
    "DETECTABLE", "KNOWN", "LANGUAGES", "Detection", "Language", "NumberFormat", "Segmentation",
    "get_language", "is_language_code", "language_variant", "normalise_language", "require_language",
    "split_tag",
]
