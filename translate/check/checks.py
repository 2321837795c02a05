"""The consistency checks: variants, deprecated, missing-term, numbers, untranslated, unknown-variant,
tags (``translate.check.tags``) and the checks of form of ``translate.check.formal`` (punctuation,
spaces, doubled words).

:func:`check_documents` runs the chosen checks over documents read by ``translate.check.inputs``
and returns a :class:`~translate.check.model.Report`. Terms are found by the glossary recogniser
(``translate.terms``), so inflected forms count as their glossary term ("Хай Дуонгом" is
"Хай Дуонг"); numbers are compared by value (``translate.numbers``).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from translate.check.formal import FORMAL_CHECKS
from translate.check.inputs import expand_targets, load_document, text_document
from translate.check.model import (
    CheckedDocument,
    CheckSettings,
    ConceptUsage,
    Finding,
    Location,
    Place,
    Rendering,
    Report,
    Segment,
    Severity,
    locate,
)
from translate.check.tags import tag_findings
from translate.detect import detect_scores, reads_as_other
from translate.errors import UsageError
from translate.files import read_text
from translate.glossary.model import Glossary
from translate.langs import DETECTABLE, require_language, split_tag
from translate.numbers import Quantity, compare_quantities, find_quantities
from translate.pipeline.backend import Backend
from translate.pipeline.recognise import Found, find_segments, recognise_segments
from translate.terms import How, Match, People, find_terms
from translate.terms.judge import Presence, judge, preferred_term, status_label
from translate.text import comparable

CHECKS = ("variants", "deprecated", "missing-term", "numbers", "untranslated", "unknown-variant", "tags",
          *FORMAL_CHECKS)
SEVERITIES: dict[str, Severity] = {
    "variants": Severity.WARNING,
    "deprecated": Severity.ERROR,
    "missing-term": Severity.WARNING,
    "numbers": Severity.ERROR,
    "untranslated": Severity.ERROR,
    "unknown-variant": Severity.INFO,
    "tags": Severity.ERROR,
    **{name: c.severity for name, c in FORMAL_CHECKS.items()},
}
DESCRIPTIONS: dict[str, str] = {
    "variants": "a concept rendered in more than one way across the documents (discovered persons too)",
    "deprecated": "a term the glossary marks deprecated, with the preferred one to use",
    "missing-term": "a concept of the source with no rendering in its translation (bilingual input)",
    "numbers": "a number of the source missing or changed in the translation, compared by value (bilingual input)",
    "untranslated": "a segment copied from its source, or in another language than --lang",
    "unknown-variant": "a name close to a glossary name but not listed: a new spelling to review",
    "tags": "an inline code of the source missing, added, repeated or misnested in the translation (bilingual input)",
    **{name: c.description for name, c in FORMAL_CHECKS.items()},
}
STDIN = "-"  # the one target read from standard input
Units = list[tuple["str | None", list[Segment]]]  # segments grouped by alignment bead, with its source


@dataclass
class _Scan:
    """What the checks share about one document: the term matches of each segment."""

    doc: CheckedDocument
    matches: dict[int, list[Match]] = field(default_factory=dict)


def check_documents(
    documents: Iterable[CheckedDocument],
    glossary: Glossary,
    checks: Iterable[str] = CHECKS,
    severities: dict[str, Severity] | None = None,
    progress: Callable[[CheckedDocument, int, int], None] | None = None,
    discover: bool = True,
    settings: CheckSettings = CheckSettings(),
    backend: Backend | None = None,
) -> Report:
    """Run ``checks`` over ``documents`` against ``glossary``; ``progress(document, done, total)``
    is called after each document. With ``discover``, Vietnamese personal names no glossary
    holds count as concepts too (one per person over all documents), so their variants are listed.
    ``settings`` are the checks' thresholds (a QA profile's).
    ``backend``: where the documents' terms are found (default this process; on Ray:
    ``translate.distributed.RayBackend``); the persons and the checks follow here, in order.

    An unknown check name is a UsageError (rather than a check that silently never runs).
    """
    asked = list(checks)
    unknown = [c for c in asked if c not in CHECKS]
    if unknown:
        raise UsageError(f"unknown check {unknown[0]!r} (choose from {', '.join(CHECKS)})")
    checks = [c for c in CHECKS if c in set(asked)]
    levels = {**SEVERITIES, **(severities or {})}
    docs = list(documents)
    findings: list[Finding] = []
    usage: dict[str, ConceptUsage] = {}
    people = People() if discover else None
    found = (backend or Backend()).map(partial(_find, glossary=glossary, names=discover), docs)
    for done, (doc, known) in enumerate(zip(docs, found), 1):
        scan = _scan(doc, glossary, people, known)
        _collect_usage(scan, usage)
        if "deprecated" in checks:
            findings += _deprecated(scan, glossary, levels["deprecated"])
        if "unknown-variant" in checks:
            findings += _unknown(scan, glossary, levels["unknown-variant"])
        units = doc.units()
        if "missing-term" in checks and doc.bilingual and doc.source_lang:
            findings += _missing_terms(scan, units, glossary, levels["missing-term"])
        if "numbers" in checks and doc.bilingual:
            findings += _numbers(doc, units, levels["numbers"])
        if "untranslated" in checks:
            findings += _untranslated(doc, units, levels["untranslated"], settings)
        if "tags" in checks and doc.bilingual:
            findings += tag_findings(doc, levels["tags"])
        for name, formal in FORMAL_CHECKS.items():
            if name in checks:
                findings += formal.run(doc, levels[name], settings)
        if progress is not None:
            progress(doc, done, len(docs))
    concepts = [usage[k] for k in sorted(usage, key=lambda k: -sum(r.count for r in usage[k].renderings))]
    lang = docs[0].lang if docs else ""
    if "variants" in checks:
        findings = _variants(concepts, glossary, lang, levels["variants"]) + findings
    warnings = [f"{doc.path}: reads as {other}, not {doc.lang} (--lang): checked as {doc.lang} all the same"
                for doc in docs if (other := reads_as_other("\n".join(s.text for s in doc.segments), doc.lang))]
    return Report(docs, findings, concepts, lang, checks, warnings)


def check_files(
    targets: Iterable[str | Path],
    lang: str,
    glossary: Glossary,
    *,
    source: str | Path | None = None,
    source_lang: str | None = None,
    checks: Iterable[str] = CHECKS,
    severities: dict[str, Severity] | None = None,
    progress: Callable[[CheckedDocument, int, int], None] | None = None,
    discover: bool = True,
    settings: CheckSettings = CheckSettings(),
    backend: Backend | None = None,
) -> Report:
    """Read and check translations: text, TMX or XLIFF files, folders or globs (``-``: a text on
    standard input), in ``lang``.

    ``source`` (with one text target) is its source or back-translation, aligned sentence by
    sentence; TMX/XLIFF files carry their own. ``lang`` and ``source_lang`` may be any language
    backtrans knows or one the glossary has terms in; a region (``ar-MA``) says how its numbers
    are written. ``backend``: where the files are read and their terms found (see
    :func:`check_documents`).
    """
    known = {code for concept in glossary for code in concept.languages}
    region = split_tag(lang)[1]
    lang = require_language(lang, known)
    targets = list(targets)
    stdin = [str(t) for t in targets] == [STDIN]
    files = [Path(STDIN)] if stdin else expand_targets(targets, lang)
    if source is not None and len(files) != 1:
        raise UsageError("--source needs exactly one TARGET file")
    if source_lang is not None:
        source_lang = require_language(source_lang, known, option="--source-lang")
    backend = backend or Backend()
    if stdin:  # a plain text on standard input, its source (if any) a file
        source_text = read_text(source) if source is not None else None
        docs = [replace(text_document(sys.stdin.read(), lang, source_text, source_lang, name=STDIN), region=region)]
    else:
        docs = backend.map(partial(_load, lang=lang, source=source, source_lang=source_lang, region=region), files)
    report = check_documents(docs, glossary, checks, severities, progress, discover, settings, backend)
    if source is not None and docs and docs[0].segments and not any(s.source for s in docs[0].segments):
        report.warnings.append(f"{source}: no source sentence aligns with the {len(docs[0].segments)} of "
                               f"{docs[0].path}: the checks against the source did not run")
    return report


def _load(path: Path, lang: str, source: str | Path | None, source_lang: str | None, region: str | None
          ) -> CheckedDocument:
    """A file to check, read (a stage function: the backend may run it in another process)."""
    return replace(load_document(path, lang, source, source_lang), region=region)


def _find(doc: CheckedDocument, glossary: Glossary, names: bool) -> Found:
    """A document's terms and name candidates, found with no state (a stage function)."""
    return find_segments([seg.text for seg in doc.segments], doc.lang, glossary, fuzzy=True, names=names)


def _scan(doc: CheckedDocument, glossary: Glossary, people: People | None, known: Found) -> _Scan:
    scan = _Scan(doc)
    found = recognise_segments([seg.text for seg in doc.segments], doc.lang, glossary, fuzzy=True, people=people,
                               found=known)
    scan.matches = {seg.index: matches for seg, matches in zip(doc.segments, found)}
    return scan


def _loc(doc: CheckedDocument, seg: Segment, start: int = 0, end: int | None = None) -> Location:
    return locate(doc, seg, start, end)


def _match_loc(doc: CheckedDocument, seg: Segment, m: Match) -> Location:
    return _loc(doc, seg, m.offset, m.offset + (m.end - m.start))


def _collect_usage(scan: _Scan, usage: dict[str, ConceptUsage]) -> None:
    doc = scan.doc
    for seg in doc.segments:
        for m in scan.matches[seg.index]:
            if m.how is How.FUZZY:
                continue
            cu = usage.get(m.concept)
            if cu is None:
                cu = usage[m.concept] = ConceptUsage(m.concept, m.en, m.vi)
            rendering = next((r for r in cu.renderings if r.term == m.term), None)
            if rendering is None:
                rendering = Rendering(m.term, status_label(m))
                cu.renderings.append(rendering)
            rendering.places.append(Place(_match_loc(doc, seg, m), m.surface))


def _variants(concepts: list[ConceptUsage], glossary: Glossary, lang: str, severity: Severity) -> list[Finding]:
    out = []
    for cu in concepts:
        if len(cu.renderings) < 2:
            continue
        ranked = sorted(cu.renderings, key=lambda r: -r.count)
        listing = "; ".join(
            f"«{r.term}» ×{r.count} ({', '.join(_where(p.location) for p in r.places)})" for r in ranked)
        rare = ranked[-1]
        concept = glossary.get(cu.concept)
        preferred = preferred_term(concept.canonical(lang) if concept is not None else "",
                                   Counter({r.term: r.count for r in ranked}))
        out.append(Finding("variants", severity, rare.places[0].location,
                           f"{cu.en}: {len(ranked)} renderings: "
                           + ", ".join(f"«{r.term}» ×{r.count}" for r in ranked),
                           listing, concept=cu.concept, suggestion=preferred))
    return out


def _where(loc: Location) -> str:
    return f"line {loc.line}"


def _deprecated(scan: _Scan, glossary: Glossary, severity: Severity) -> list[Finding]:
    doc = scan.doc
    out = []
    for seg in doc.segments:
        for m in scan.matches[seg.index]:
            if m.how is How.FUZZY or not m.deprecated:
                continue
            concept = glossary.get(m.concept)
            preferred = concept.canonical(doc.lang) if concept else ""
            use = f": use «{preferred}»" if preferred else ""
            out.append(Finding("deprecated", severity, _match_loc(doc, seg, m),
                               f"«{m.surface}» ({m.term}) is deprecated for {m.en}{use}",
                               seg.text, concept=m.concept, suggestion=preferred))
    return out


def _unknown(scan: _Scan, glossary: Glossary, severity: Severity) -> list[Finding]:
    doc = scan.doc
    out = []
    for seg in doc.segments:
        for m in scan.matches[seg.index]:
            if m.how is not How.FUZZY:
                continue
            concept = glossary.get(m.concept)
            preferred = concept.canonical(doc.lang) if concept else m.term
            out.append(Finding("unknown-variant", severity, _match_loc(doc, seg, m),
                               f"«{m.surface}» looks like {m.en} («{m.term}», score {m.score:.2f}) "
                               f"but the glossary does not list it", seg.text,
                               concept=m.concept, suggestion=preferred or m.term))
    return out


def _missing_terms(scan: _Scan, units: Units, glossary: Glossary, severity: Severity) -> list[Finding]:
    doc = scan.doc
    out = []
    for source, segs in units:
        if not source:
            continue
        source_matches = find_terms(source, doc.source_lang or "xx", glossary)
        found = [m for s in segs for m in scan.matches[s.index]]
        absent = set(judge(list(dict.fromkeys(m.concept for m in source_matches)), found, Presence.ANY).missing)
        for m in source_matches:
            if m.concept not in absent:
                continue
            absent.discard(m.concept)  # reported at its first occurrence
            concept = glossary.get(m.concept)
            expected = concept.canonical(doc.lang) if concept else ""
            hint = f" (expected «{expected}»)" if expected else ""
            out.append(Finding("missing-term", severity, _loc(doc, segs[0]),
                               f"{m.en} («{m.surface}» in the source) has no rendering in the translation{hint}",
                               source, concept=m.concept, suggestion=expected))
    return out


def _numbers(doc: CheckedDocument, units: Units, severity: Severity) -> list[Finding]:
    out = []
    for source, segs in units:
        if source is None:
            continue
        target: list[tuple[Segment, Quantity]] = [
            (s, q) for s in segs for q in find_quantities(s.text, doc.locale)]
        diff = compare_quantities(find_quantities(source, doc.source_lang or "xx"), [q for _, q in target])
        where = {id(q): s for s, q in target}
        extras = list(diff.extra)
        for q in diff.missing:
            if extras:
                other = extras.pop(0)
                seg = where[id(other)]
                out.append(Finding("numbers", severity, _loc(doc, seg, other.start, other.end),
                                   f"«{q.text}» ({_value(q)}) in the source became «{other.text}» ({_value(other)})",
                                   source))
            else:
                out.append(Finding("numbers", severity, _loc(doc, segs[0]),
                                   f"«{q.text}» ({_value(q)}) of the source is not in the translation", source))
        for q in extras:
            seg = where[id(q)]
            out.append(Finding("numbers", severity, _loc(doc, seg, q.start, q.end),
                               f"«{q.text}» ({_value(q)}) is not in the source", source))
    return out


def _value(q: Quantity) -> str:
    suffix = {"percent": "%"}.get(q.kind, "")
    unit = f" {q.unit}" if q.unit else ""
    return f"{q.kind} {q.value}{suffix}{unit}"


def _untranslated(doc: CheckedDocument, units: Units, severity: Severity, settings: CheckSettings) -> list[Finding]:
    out = []
    src_lang = doc.source_lang or ""
    detectable = src_lang in DETECTABLE and doc.lang in DETECTABLE and src_lang != doc.lang
    for source, segs in units:
        target = " ".join(s.text for s in segs)
        if source is not None and any(c.isalpha() for c in target) and comparable(source) == comparable(target):
            out.append(Finding("untranslated", severity, _loc(doc, segs[0]),
                               "the translation is the source text, unchanged", target))
            continue
        if not detectable or len([w for w in target.split() if any(c.isalpha() for c in w)]) < settings.min_words_for_detection:
            continue
        scores = detect_scores(target)
        if scores[src_lang] > scores[doc.lang] + settings.detection_margin:
            out.append(Finding("untranslated", severity, _loc(doc, segs[0]),
                               f"the segment is in {src_lang}, not {doc.lang}", target))
    return out
