"""The terminal report of ``backtrans check``: rich tables of renderings and findings."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from translate.check.model import Report, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_report(report: Report, console: Console | None = None) -> None:
    """Print the concepts with several renderings, then every finding, then a summary line."""
    console = console or Console()
    several = [c for c in report.concepts if len(c.renderings) > 1]
    if several:
        table = Table(title="Concepts with several renderings", show_lines=True)
        for col in ("concept", "rendering", "status", "count", "places"):
            table.add_column(col)
        for c in several:
            for i, r in enumerate(sorted(c.renderings, key=lambda r: -r.count)):
                places = ", ".join(f"{_short(p.location.file)}:{p.location.line}:{p.location.start}"
                                   for p in r.places)
                table.add_row(c.en if i == 0 else "", r.term, r.status, str(r.count), places)
        console.print(table)
    if report.findings:
        table = Table(title="Findings")
        for col in ("severity", "check", "where", "message"):
            table.add_column(col, overflow="fold")
        for f in sorted(report.findings, key=lambda f: (-f.severity, f.location.file, f.location.line)):
            loc = f.location
            table.add_row(f"[{_STYLE[f.severity]}]{f.severity.label}[/]", f.check,
                          f"{_short(loc.file)}:{loc.line}:{loc.start}-{loc.end}", f.message)
        console.print(table)
    counts = {s: sum(f.severity == s for f in report.findings) for s in Severity}
    console.print(f"{len(report.documents)} document(s), {len(report.findings)} finding(s): "
                  + ", ".join(f"{counts[s]} {s.label}" for s in reversed(Severity))
                  + (f"; {len(report.ignored)} ignored" if report.ignored else ""))


def _short(path: str) -> str:
    return path.rsplit("/", 1)[-1]
