"""A persistent ignore list: findings a reviewer marked "not an error" stay quiet in later runs.

An entry names a finding by what it is, not where: its check, its concept and a digest of its
segment's text, the flagged span and the aligned source (NFC, trimmed), so it survives lines
added or removed around it, a re-run, the file renamed. The file is text, one entry a line::

    # backtrans ignore list: check, concept (- for none), digest; a note after the #
    double-word	-	5c1f0e3a9b7d2c44	# report.uk.txt:3 «було» twice in a row

Lines starting with ``#`` and blank lines are comments. ``backtrans check --ignore FILE
--add-ignored`` writes it from the command line; the HTML report writes one from the findings
marked ignored.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from translate.check.model import Finding, Report
from translate.errors import FormatError
from translate.files import atomic_write_bytes, read_text

HEADER = "# backtrans ignore list: check, concept (- for none), digest; a note after the #"
_ENTRY = re.compile(r"^([a-z][a-z0-9-]*)\t(\S+)\t([0-9a-f]{16})(?:\t#(.*))?$")


@dataclass(frozen=True)
class IgnoreKey:
    """What names a finding across runs."""

    check: str
    concept: str
    digest: str

    def entry(self, note: str = "") -> str:
        """The key as a line of the ignore file."""
        line = f"{self.check}\t{self.concept or '-'}\t{self.digest}"
        return f"{line}\t# {' '.join(note.split())}" if note else line


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def ignore_key(finding: Finding, report: Report) -> IgnoreKey:
    """The key of ``finding``, a finding of ``report`` (whose documents hold its segment)."""
    doc = next((d for d in report.documents if str(d.path) == finding.location.file), None)
    seg = doc.segment(finding.location.segment) if doc is not None else None
    text = seg.text if seg is not None else finding.evidence
    start, end = finding.location.start - (seg.column if seg else 0), finding.location.end - (seg.column if seg else 0)
    source = (seg.source or "") if seg is not None else ""
    data = "\x1f".join((_norm(text), text[max(start, 0):max(end, 0)], _norm(source)))
    return IgnoreKey(finding.check, finding.concept, hashlib.sha256(data.encode("utf-8")).hexdigest()[:16])


def ignore_entry(finding: Finding, report: Report) -> str:
    """The ignore-file line of ``finding``, its file, line and message as the note."""
    loc = finding.location
    return ignore_key(finding, report).entry(f"{Path(loc.file).name}:{loc.line} {finding.message}")


def read_ignore_list(path: Path | str) -> set[IgnoreKey]:
    """The keys of an ignore file; a line that is no entry is a FormatError with its line."""
    keys = set()
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _ENTRY.match(line.rstrip("\r"))
        if m is None:
            raise FormatError("not an ignore entry (CHECK<TAB>CONCEPT<TAB>16 hex digits[<TAB># note])", path, number)
        keys.add(IgnoreKey(m.group(1), "" if m.group(2) == "-" else m.group(2), m.group(3)))
    return keys


def apply_ignore_list(report: Report, keys: set[IgnoreKey]) -> Report:
    """``report`` with the findings whose key is in ``keys`` moved to ``ignored``."""
    kept: list[Finding] = []
    ignored = list(report.ignored)
    for f in report.findings:
        (ignored if ignore_key(f, report) in keys else kept).append(f)
    return replace(report, findings=kept, ignored=ignored)


def add_to_ignore_list(path: Path | str, report: Report) -> int:
    """Add every finding of ``report`` to the ignore file ``path`` (made if missing), keeping its
    entries and comments; returns how many entries were new."""
    path = Path(path)
    old = read_text(path).splitlines() if path.exists() else [HEADER]
    known = read_ignore_list(path) if path.exists() else set()
    new = []
    for f in report.findings:
        key = ignore_key(f, report)
        if key not in known:
            known.add(key)
            new.append(ignore_entry(f, report))
    if new or not path.exists():
        atomic_write_bytes(path, ("\n".join(old + new) + "\n").encode("utf-8"))
    return len(new)
