"""backtrans: offline back-translation with glossary enforcement and terminology checks.

The library face: each ``backtrans`` command is one of these calls (see the README).

>>> import translate
>>> glossary = translate.load_glossary()                       # the shipped glossary
>>> translate.find_terms("У Хайзионзі", "uk", glossary)[0].concept
'hai-duong'
>>> summary = translate.back_translate(["seeds"], to=["en", "vi"], out="out")   # doctest: +SKIP
>>> report = translate.check_translations(["out"], "en", glossary=glossary)     # doctest: +SKIP
>>> translate.fix_text("у Хай Дуонзі", "uk", glossary)[0]
'у Хайзионзі'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from translate.check.model import Report
    from translate.engine import EngineSettings, ModelPackage
    from translate.fix import Change
    from translate.glossary.model import Glossary
    from translate.pipeline.backend import Backend
    from translate.pipeline.run import Progress, RunSummary
    from translate.terms.match import Match

__version__ = "0.1.0"

def load_glossary(path: str | Path | None = None, fmt: str | None = None, *, gazetteer: bool = True) -> Glossary:
    """The glossary the commands read: the one at ``path`` (.gloss, TBX, CSV, TSV; None:
    ``$BACKTRANS_GLOSSARY`` or the shipped one), over the gazetteer of every Vietnamese
    administrative unit unless ``gazetteer`` is False."""
    from translate.glossary import load_glossary as load

    curated = load(path, fmt)
    if not gazetteer:
        return curated
    from translate.glossary.layers import layered, load_gazetteer

    return layered(curated, load_gazetteer())


def _glossary(glossary: Glossary | str | Path | None) -> Glossary:
    from translate.glossary.model import Glossary

    return glossary if isinstance(glossary, Glossary) else load_glossary(glossary)


def find_terms(text: str, lang: str, glossary: Glossary | str | Path | None = None, *,
               fuzzy: bool = False, discover: bool = False) -> list[Match]:
    """Every glossary concept in ``text`` (written in ``lang``), through inflection and clitics;
    with ``discover``, Vietnamese personal names no glossary holds too (``How.DISCOVERED``)."""
    from translate.terms import find_terms as find

    return find(text, lang, _glossary(glossary), fuzzy=fuzzy, discover=discover)


def fix_text(text: str, lang: str, glossary: Glossary | str | Path | None = None, *,
             choose: bool = False) -> tuple[str, list[Change]]:
    """``text`` with every rendering of a glossary concept rewritten to its preferred form, in the
    case of the form it replaces, and the changes (``applied`` False: ambiguous, left alone)."""
    from translate.fix import fix_text as fix

    return fix(text, lang, _glossary(glossary), choose=choose)


def back_translate(
    inputs: Iterable[str | Path],
    to: Sequence[str] = ("en", "vi"),
    out: str | Path = "out",
    *,
    source_lang: str | None = None,
    glossary: Glossary | str | Path | None | bool = True,
    settings: EngineSettings | None = None,
    packages: list[ModelPackage] | None = None,
    resume: bool = True,
    progress: Progress | None = None,
    discover: bool = True,
    backend: Backend | None = None,
    allow_empty: bool = False,
) -> RunSummary:
    """Back-translate files, folders (their .txt) or globs into each language of ``to``, into ``out``
    (nothing to translate is an InputError unless ``allow_empty``).

    ``glossary``: True the default glossary, False none, or a Glossary or a path; every concept
    it has is then written in its canonical form and verified, and with ``discover`` every
    Vietnamese personal name no glossary holds. Resumes an interrupted run. ``backend``: where
    the work runs (default this process; ``translate.distributed.RayBackend()`` on Ray).
    """
    from translate.engine import EngineSettings
    from translate.pipeline.run import translate_documents

    chosen = None if glossary is False else _glossary(None if glossary is True else glossary)
    return translate_documents(inputs, list(to), out, source_lang=source_lang, settings=settings or EngineSettings(),
                               packages=packages, resume=resume, progress=progress, glossary=chosen,
                               discover=discover, backend=backend, allow_empty=allow_empty)


def check_translations(
    targets: Iterable[str | Path],
    lang: str,
    *,
    glossary: Glossary | str | Path | None = None,
    source: str | Path | None = None,
    source_lang: str | None = None,
    checks: Iterable[str] | None = None,
) -> Report:
    """Consistency checks of translations (text, TMX, XLIFF files, folders, globs) in ``lang``.

    ``glossary`` None is the default glossary; ``checks`` None runs them all (``translate.check.CHECKS``).
    """
    from translate.check import CHECKS, check_files

    return check_files(targets, lang, _glossary(glossary), source=source, source_lang=source_lang,
                       checks=CHECKS if checks is None else checks)


__all__ = ["__version__", "back_translate", "check_translations", "find_terms", "fix_text", "load_glossary"]
