"""The server's library face: what each endpoint does, in typed values, without HTTP.

:class:`Service` holds the server's glossaries (by name), the installed packages and the
request batcher; each method is one endpoint's work over the existing library: translation
through ``translate.serve.translation`` (the pipeline's stages), detection
(``translate.detect``), the consistency checks (``translate.check``), the glossary look-up
(``translate.glossary.edit.filter_concepts``). Every user error is a ``BacktransError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from translate.check import CHECKS, Report, check_documents
from translate.check.inputs import text_document
from translate.detect import UNDETERMINED, detect_language, detect_scores
from translate.engine import (
    EngineSettings,
    ModelPackage,
    find_route,
    installed_packages,
)
from translate.engine.packages import test_model_notice
from translate.errors import InputError, ModelError, UsageError
from translate.glossary.edit import filter_concepts
from translate.glossary.model import Concept, Glossary
from translate.langs import require_language
from translate.serve.batcher import DEFAULT_MAX_PENDING, DEFAULT_WINDOW, Batcher
from translate.serve.html import parse_html
from translate.serve.limits import ApiKeys, Limits
from translate.serve.translation import GlossaryResult, TextResult, translate_texts
from translate.terms.judge import Verdict

NO_GLOSSARY = "none"  # the ``glossary`` value that translates without one


class TextFormat(str, Enum):
    """``format`` of /translate: plain text, or HTML whose text nodes are translated."""

    text = "text"
    html = "html"


# /translate_file: the files translated, by suffix, and how.
FILE_FORMATS = {".txt": TextFormat.text, ".text": TextFormat.text, "": TextFormat.text,
                ".html": TextFormat.html, ".htm": TextFormat.html}


@dataclass(frozen=True)
class ServeSettings:
    """How a server runs: its glossaries (the first is the default; none given: the default
    glossary), the gazetteer under them, API keys, engine settings, limits and batching."""

    glossaries: tuple[Path, ...] = ()
    gazetteer: bool = True
    api_keys: Path | None = None
    engine: EngineSettings = field(default_factory=EngineSettings)
    limits: Limits = field(default_factory=Limits)
    window: float = DEFAULT_WINDOW
    max_pending: int = DEFAULT_MAX_PENDING


@dataclass(frozen=True)
class LanguageInfo:
    """A source language, its English name and the languages it can be translated into."""

    code: str
    name: str
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Detection:
    """A candidate language and its confidence, 0 to 100 (LibreTranslate's scale)."""

    language: str
    confidence: float


@dataclass(frozen=True)
class Translated:
    """A /translate answer: each text's result, the language detected (when asked), the models used."""

    results: list[TextResult]
    detected: Detection | None
    route: tuple[ModelPackage, ...]

    @property
    def note(self) -> str:
        """The test-model notice when the route took one ("" otherwise)."""
        return test_model_notice(list(self.route))


class Service:
    """The endpoints' work; ``close()`` (or the context manager) finishes queued translations."""

    def __init__(self, settings: ServeSettings = ServeSettings(), packages: list[ModelPackage] | None = None,
                 batcher: Batcher | None = None) -> None:
        import translate

        self.settings = settings
        self.packages = installed_packages() if packages is None else packages
        self.glossaries: dict[str, Glossary] = {}
        for path in settings.glossaries or (None,):
            glossary = translate.load_glossary(path, gazetteer=settings.gazetteer)
            name = Path(path).stem if path is not None else (glossary.path.stem if glossary.path else "default")
            if name in self.glossaries or name == NO_GLOSSARY:
                raise UsageError(f"--glossary: two glossaries named {name!r} (glossaries are chosen by file name)",
                                 path)
            self.glossaries[name] = glossary
        self.default_glossary = next(iter(self.glossaries))
        self.keys = ApiKeys.read(settings.api_keys, settings.limits.requests_per_minute) \
            if settings.api_keys is not None else None
        self.batcher = batcher or Batcher(settings.engine, window=settings.window, max_pending=settings.max_pending)

    def close(self) -> None:
        self.batcher.close()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- languages and detection

    def languages(self) -> list[LanguageInfo]:
        """Every language a request may translate from, with its targets (pivot routes included)."""
        codes = sorted({c for p in self.packages for c in (p.from_code, p.to_code)})
        out = []
        for code in codes:
            targets = tuple(t for t in codes if t != code and self._routable(code, t))
            out.append(LanguageInfo(code, language_name(code), targets))
        return out

    def detect(self, text: str) -> list[Detection]:
        """The candidate languages of ``text``, likeliest first (those with a score above 0)."""
        scores = detect_scores(text)
        found = [Detection(code, round(100 * score, 1)) for code, score in
                 sorted(scores.items(), key=lambda item: -item[1]) if score > 0]
        return found or [Detection(UNDETERMINED, 0.0)]

    # -- translation

    def translate(self, texts: Sequence[str], source: str, target: str, fmt: TextFormat = TextFormat.text,
                  glossary: str | None = None) -> Translated:
        """``texts`` from ``source`` ("auto": detected over all of them) into ``target``."""
        self._check_size(texts)
        detected = None
        if source == "auto":
            sources = sorted({p.from_code for p in self.packages})
            code = detect_language("\n".join(texts), sources)
            if code == UNDETERMINED:
                raise UsageError("cannot tell the language of q: pass source")
            detected = Detection(code, round(100 * detect_scores("\n".join(texts))[code], 1))
            source = code
        source = self._language(source, "source")
        target = self._language(target, "target")
        name, chosen = self.glossary(glossary)
        route = tuple(find_route(source, target, self.packages)) if source != target else ()
        if fmt is TextFormat.html:
            results = [self._html(text, source, target, route, chosen, name) for text in texts]
        else:
            results = translate_texts(texts, source, target, route, self.batcher.translate, chosen, name)
        return Translated(results, detected, route)

    def translate_file(self, data: bytes, filename: str, source: str, target: str,
                       glossary: str | None = None) -> bytes:
        """A plain-text file translated line by line, or an HTML file's text nodes (``format=html``);
        UTF-8, the layout and the markup kept."""
        suffix = Path(filename).suffix.lower()
        if suffix not in FILE_FORMATS:
            raise InputError(f"file format not supported: plain text ({', '.join(s for s in FILE_FORMATS if s)}) "
                             "and HTML files are translated", filename)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(f"not UTF-8 text (byte {e.start})", filename) from None
        return self.translate([text], source, target, FILE_FORMATS[suffix], glossary).results[0].text.encode("utf-8")

    def glossary(self, name: str | None) -> tuple[str, Glossary | None]:
        """The glossary a request names (None or "": the default; "none": no glossary)."""
        if not name:
            name = self.default_glossary
        if name == NO_GLOSSARY:
            return name, None
        if name not in self.glossaries:
            raise UsageError(f"glossary: unknown glossary {name!r}; this server has: "
                             f"{', '.join([*self.glossaries, NO_GLOSSARY])}")
        return name, self.glossaries[name]

    # -- extensions for translators

    def check(self, text: str, lang: str, source: str | None = None, source_lang: str | None = None,
              glossary: str | None = None, checks: Sequence[str] | None = None) -> Report:
        """The consistency checks of ``text`` (in ``lang``), aligned with ``source`` when given."""
        _, chosen = self.glossary(glossary)
        chosen = chosen if chosen is not None else Glossary()
        known = {code for concept in chosen for code in concept.languages}
        lang = require_language(lang, known, option="lang")
        if source_lang is not None:
            source_lang = require_language(source_lang, known, option="source_lang")
        self._check_size([text, source or ""])
        doc = text_document(text, lang, source, source_lang)
        return check_documents([doc], chosen, CHECKS if checks is None else checks)

    def terms(self, q: str, lang: str | None = None, glossary: str | None = None, limit: int = 50) -> list[Concept]:
        """The concepts whose id, canonical forms or terms (in ``lang``, if given) contain ``q``."""
        _, chosen = self.glossary(glossary)
        if chosen is None or not q.strip():
            return []
        if lang:
            lang = require_language(lang, {c for concept in chosen for c in concept.languages}, option="lang")
        found: list[Concept] = []
        for layer in (chosen, chosen.base):
            if layer is not None and len(found) < limit:
                found += [c for c in filter_concepts(layer, lang=lang, text=q.strip()) if c.id not in
                          {f.id for f in found}][:limit - len(found)]
        return found

    # -- helpers

    def _html(self, markup: str, source: str, target: str, route: tuple[ModelPackage, ...],
              glossary: Glossary | None, name: str) -> TextResult:
        """One HTML text: its text nodes translated together, their glossary results put together."""
        parsed = parse_html(markup)
        nodes = translate_texts(parsed.texts, source, target, route, self.batcher.translate, glossary, name)
        merged = None
        if glossary is not None:
            results = [n.glossary for n in nodes if n.glossary is not None]
            verdict = Verdict(tuple(m for r in results for m in r.verdict.missing),
                              tuple(dict.fromkeys(e for r in results for e in r.verdict.extra)),
                              tuple(dict.fromkeys(d for r in results for d in r.verdict.deprecated)))
            merged = GlossaryResult(name, tuple(c for r in results for c in r.concepts), verdict)
        return TextResult(parsed.render([n.text for n in nodes]), merged)

    def _language(self, code: str, option: str) -> str:
        known = {c for p in self.packages for c in (p.from_code, p.to_code)}
        if code not in known:
            raise UsageError(f"{option}: {code!r} is not supported; this server translates "
                             f"{', '.join(sorted(known)) or 'nothing (no model installed)'}")
        return code

    def _routable(self, source: str, target: str) -> bool:
        try:
            find_route(source, target, self.packages)
        except ModelError:
            return False
        return True

    def _check_size(self, texts: Sequence[str]) -> None:
        limits = self.settings.limits
        if len(texts) > limits.max_texts:
            raise UsageError(f"request ({len(texts)} texts) exceeds the limit of {limits.max_texts} texts")
        chars = sum(len(t) for t in texts)
        if chars > limits.max_chars:
            raise UsageError(f"request ({chars} characters) exceeds text limit ({limits.max_chars})")


def language_name(code: str) -> str:
    """The English name of a language code ("uk": "Ukrainian")."""
    import langcodes

    try:
        return str(langcodes.Language.get(code).display_name("en"))
    except (ValueError, LookupError):
        return code
