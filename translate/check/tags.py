"""The tag check: a bilingual unit's inline codes compared between its source and its translation.

A code of the source missing in the translation, one the translation adds, one it repeats, and a
closing code before its opening one (nesting broken) are each a finding, located at the unit's
line and naming the unit's and the code's ids. Codes are told apart by element, kind and pairing
id (their native content when they have none: TMX ``<ph>``); standalone codes may move freely,
as word order does between languages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from translate.check.model import CheckedDocument, Finding, Location, Segment, Severity
from translate.formats.units import PARTNER, CodeKind, InlineCode

CLOSING = {opening: closing for closing, opening in PARTNER.items()}


class TagProblem(Enum):
    """What is wrong with a code of the translation."""

    MISSING = "missing"
    ADDED = "added"
    DUPLICATED = "duplicated"
    NESTING = "nesting"


@dataclass(frozen=True)
class TagIssue:
    """One problem: the code concerned (the source's when missing), how many times, and whether
    its closing code shares it (a whole pair missing or added)."""

    problem: TagProblem
    code: InlineCode
    count: int = 1
    pair: bool = False


def compare_codes(source: Sequence[InlineCode], target: Sequence[InlineCode]) -> list[TagIssue]:
    """The codes of ``source`` missing in ``target``, those ``target`` adds or repeats, and the
    closing codes of ``target`` that come before their opening one or cross another span (when
    the source itself nests well). A missing or added pair is one issue, at its opening code."""
    src, tgt = Counter(c.key for c in source), Counter(c.key for c in target)
    first: dict[tuple[str, CodeKind, str], InlineCode] = {}
    for c in source:
        first.setdefault(c.key, c)
    last = {c.key: c for c in target}  # an added or repeated code is shown where it was added
    issues = []
    for key in {**first, **last}:
        diff = tgt[key] - src[key]
        code = last[key] if diff > 0 else first[key]
        if diff == 0:
            continue
        opening, closing = (key[0], CodeKind.OPEN, key[2]), (key[0], CodeKind.CLOSE, key[2])
        if key[1] is CodeKind.CLOSE and tgt[opening] - src[opening] == diff:
            continue  # reported with its opening code
        pair = key[1] is CodeKind.OPEN and tgt[closing] - src[closing] == diff
        if diff < 0:
            issues.append(TagIssue(TagProblem.MISSING, code, -diff, pair))
        else:
            issues.append(TagIssue(TagProblem.ADDED if src[key] == 0 else TagProblem.DUPLICATED, code, diff, pair))
    if not misnested(source):
        issues += [TagIssue(TagProblem.NESTING, c) for c in misnested(target) if src[c.key]]
    return issues


def misnested(codes: Sequence[InlineCode]) -> list[InlineCode]:
    """The closing codes that break nesting: before their opening code, or closing a span that
    another span opened inside is still open (``<b><i></b></i>``)."""
    open_spans: list[tuple[str, str]] = []
    out = []
    for c in codes:
        pair = (c.key[0], c.key[2])
        if c.kind is CodeKind.OPEN:
            open_spans.append(pair)
        elif c.kind is CodeKind.CLOSE:
            if open_spans and open_spans[-1] == pair:
                open_spans.pop()
            elif pair in open_spans:
                out.append(c)
                del open_spans[len(open_spans) - 1 - open_spans[::-1].index(pair)]
            else:
                out.append(c)
    return out


def tagged(text: str, codes: Sequence[InlineCode]) -> str:
    """``text`` with each code written back as a tag at its offset (evidence a person can read)."""
    parts, at = [], 0
    for c in sorted(codes, key=lambda c: c.offset):  # stable: document order at one offset
        parts += [text[at:c.offset], c.label()]
        at = c.offset
    return "".join(parts) + text[at:]


_WHAT = {
    TagProblem.MISSING: "of the source is missing in the translation",
    TagProblem.ADDED: "is in the translation, not in the source",
    TagProblem.DUPLICATED: "is repeated in the translation",
    TagProblem.NESTING: "comes before its opening code or crosses another span (nesting broken)",
}


def tag_findings(doc: CheckedDocument, severity: Severity) -> list[Finding]:
    """The ``tags`` findings of a bilingual document's segments (text documents have no codes)."""
    out = []
    for seg in doc.segments:
        if seg.source is None or not (seg.codes or seg.source_codes):
            continue
        for issue in compare_codes(seg.source_codes, seg.codes):
            out.append(Finding("tags", severity, _location(doc, seg, issue), _message(seg, issue),
                               f"{tagged(seg.text, seg.codes)}  ⇐  {tagged(seg.source, seg.source_codes)}"))
    return out


def _location(doc: CheckedDocument, seg: Segment, issue: TagIssue) -> Location:
    if issue.problem is TagProblem.MISSING:
        return Location(str(doc.path), seg.line, seg.index, 0, len(seg.text))
    return Location(str(doc.path), seg.line, seg.index, issue.code.offset, issue.code.offset)


def _message(seg: Segment, issue: TagIssue) -> str:
    code = issue.code
    label = code.label()
    if issue.pair:
        label += "…" + InlineCode(CodeKind.CLOSE, code.id, CLOSING.get(code.element, code.element), "", 0).label()
    times = f" ×{issue.count}" if issue.count > 1 else ""
    unit = f"unit {seg.unit_id}: " if seg.unit_id else ""
    return f"{unit}{label}{times} {_WHAT[issue.problem]}"
