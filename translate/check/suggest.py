"""Candidate glossary entries from a check: unknown variants, discovered persons, frequent unlisted names.

The result is a :class:`~translate.glossary.model.Glossary` written in a format that
``backtrans glossary import`` reads (``.gloss`` by default; ``.tsv``, ``.csv``, ``.tbx`` by
extension), so a maintainer reviews it and imports it. Unknown variants extend their concept
(same id, kind, en and vi, so the import merges them) as ``admitted`` terms; a Vietnamese
personal name no glossary holds (``translate.terms.discover``) becomes a ``person`` with the en
form read back and every way the texts wrote it (the commonest preferred); other unlisted names
become new concepts of kind ``name`` whose ``en`` is a transliteration to review.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from translate.check.model import Finding, Report
from translate.files import atomic_write_bytes
from translate.glossary.model import Concept, Glossary, Status, Term
from translate.langs import get_language
from translate.terms.discover import DISCOVERED_PREFIX

MIN_NAME_COUNT = 2  # an unlisted name is suggested from this many occurrences
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
NOTE = "suggested by backtrans check"


def suggest_entries(report: Report, glossary: Glossary, min_count: int = MIN_NAME_COUNT) -> Glossary:
    """Candidate concepts: unknown variants under their concept, then frequent unlisted names."""
    by_concept: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[tuple[str, str], str] = {}
    for f in report.findings:
        if f.check == "unknown-variant":
            surface = f.evidence[f.location.start - _column(report, f):f.location.end - _column(report, f)]
            by_concept[f.concept][surface] += 1
            where.setdefault((f.concept, surface), f"{Path(f.location.file).name}:{f.location.line}")
    concepts: list[Concept] = []
    lang = report.lang
    for cid, surfaces in by_concept.items():
        known = glossary.get(cid)
        if known is None:
            continue
        terms = [Term(s, lang, Status.ADMITTED, f"{NOTE}: ×{n}, first at {where[cid, s]}")
                 for s, n in surfaces.most_common()]
        concepts.append(replace(known, terms={lang: terms}, line=0, lines={}, comment="", field_comments={}))
    concepts += _discovered(report)
    concepts += _unlisted_names(report, min_count)
    return Glossary(concepts, name="suggestions")


def _discovered(report: Report) -> list[Concept]:
    """A person concept for each discovered name: its renderings, the commonest preferred."""
    out = []
    for usage in report.concepts:
        if not usage.concept.startswith(DISCOVERED_PREFIX):
            continue
        ranked = sorted(usage.renderings, key=lambda r: -r.count)
        terms = [Term(r.term, report.lang, Status.PREFERRED if i == 0 else Status.ADMITTED,
                      f"{NOTE}: ×{r.count}, first at {Path(r.places[0].location.file).name}:{r.places[0].location.line}")
                 for i, r in enumerate(ranked)]
        out.append(Concept(usage.concept[len(DISCOVERED_PREFIX):], "person", usage.en, usage.vi, {report.lang: terms},
                           note="discovered by backtrans check: the vi form lacks the tones the text did not write"
                           if usage.vi == usage.en else "discovered by backtrans check"))
    return out


def _column(report: Report, finding: Finding) -> int:
    for doc in report.documents:
        if str(doc.path) == finding.location.file:
            return doc.segments[finding.location.segment].column
    return 0


def _unlisted_names(report: Report, min_count: int) -> list[Concept]:
    """Runs of capitalised words not at a sentence start and not covered by any match."""
    language = get_language(report.lang)
    if not language.cased:
        return []  # no capitals to tell a name
    covered: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for c in report.concepts:
        for r in c.renderings:
            for p in r.places:
                covered[p.location.file, p.location.segment].append((p.location.start, p.location.end))
    for f in report.findings:
        if f.check == "unknown-variant":
            covered[f.location.file, f.location.segment].append((f.location.start, f.location.end))
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for doc in report.documents:
        for seg in doc.segments:
            spans = covered.get((str(doc.path), seg.index), [])
            for name, start, end in _capitalised_runs(seg.text):
                a, b = start + seg.column, end + seg.column
                if any(a < e and s < b for s, e in spans):
                    continue
                counts[name] += 1
                first.setdefault(name, f"{doc.path.name}:{seg.line}")
    out: list[Concept] = []
    for name, n in counts.most_common():
        if n < min_count:
            break
        latin = " ".join(w.capitalize() for w in language.transliterate(name).split())
        cid = re.sub(r"[^a-z0-9]+", "-", latin.casefold()).strip("-") or f"name-{len(out) + 1}"
        out.append(Concept(f"suggested-{cid}", "name", latin, "",
                           {report.lang: [Term(name, report.lang, Status.PREFERRED,
                                               f"{NOTE}: ×{n}, first at {first[name]}")]},
                           note="unlisted capitalised name: check the en and vi forms"))
    return out


def _capitalised_runs(text: str) -> list[tuple[str, int, int]]:
    words = list(_WORD.finditer(text))
    runs: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        if not words[i].group()[0].isupper() or words[i].group().isupper():
            i += 1
            continue
        j = i
        while (j + 1 < len(words) and words[j + 1].group()[0].isupper()
               and not words[j + 1].group().isupper() and text[words[j].end():words[j + 1].start()] == " "):
            j += 1
        start, end = words[i].start(), words[j].end()
        sentence_start = not text[:start].strip() or text[:start].rstrip()[-1:] in ".!?:«\"“"
        if not (sentence_start and i == j):
            runs.append((text[start:end], start, end))
        i = j + 1
    return runs


def write_suggestions(path: Path | str, suggestions: Glossary) -> None:
    """Write the candidates atomically, in the format named by the extension (.gloss default)."""
    from translate.glossary.interchange import detect_format, export_glossary

    path = Path(path)
    fmt = detect_format(path) if path.suffix else "gloss"
    atomic_write_bytes(path, export_glossary(suggestions, fmt))
