"""`backtrans check TARGET...`: a thin layer over ``translate.check``.

Exit codes: 0 clean, 1 a finding at or above ``--fail-on``, 2 usage or input error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

import translate
from translate.check.checks import CHECKS
from translate.check.model import CheckedDocument
from translate.check.render import ReportFormat
from translate.cli import (
    AddressOpt,
    EngineKind,
    EngineOpt,
    NoGazetteerOpt,
    app,
    resolve_backend,
)
from translate.errors import InputError, UsageError
from translate.files import write_output


class FailOn(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


def _list_checks(value: bool) -> None:
    if value:
        from translate.check.checks import DESCRIPTIONS, SEVERITIES

        width = max(map(len, CHECKS)) + 2
        for name in CHECKS:
            print(f"{name:<{width}}{SEVERITIES[name].label:<9}{DESCRIPTIONS[name]}")
        raise typer.Exit()


@app.command("check")
def check_cmd(
    targets: List[str] = typer.Argument(..., help="Translations: text, TMX, XLIFF, SDLXLIFF, MQXLIFF or PO files, translate's output folders, globs."),
    lang: str = typer.Option(..., "--lang", "-l", help="Language of the translation (uk, pl, id, ar, ...)."),
    source: Optional[Path] = typer.Option(None, "--source", "-s",
                                          help="Source (or back-translation) of a single text TARGET."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", help="Language of the source (default: detected)."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="Glossary (default: the shipped one)."),
    no_gazetteer: bool = NoGazetteerOpt,
    no_discover: bool = typer.Option(False, "--no-discover", help="Do not count Vietnamese personal names no glossary holds."),
    checks: Optional[str] = typer.Option(None, "--checks", help=f"Comma-separated checks to run (default: all: {', '.join(CHECKS)})."),
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", "-f", help="table, json, html, csv or xlsx (a row per finding; xlsx needs -o)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Report file (default: stdout)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on",
                                             help="Exit 1 on findings at or above this severity (default: "
                                                  "the profile's, else warning)."),
    profile: Optional[Path] = typer.Option(None, "--profile", "-p",
                                           help="A QA profile (TOML): checks, severities, thresholds, fail_on."),
    list_checks: bool = typer.Option(False, "--list-checks", callback=_list_checks, is_eager=True,
                                     help="List the checks, their default severity and what each finds; exit."),
    ignore: Optional[Path] = typer.Option(None, "--ignore",
                                          help="An ignore list: its findings are not reported (counted as ignored)."),
    add_ignored: bool = typer.Option(False, "--add-ignored",
                                     help="Add every finding of this run to the --ignore file (made if missing)."),
    allow_empty: bool = typer.Option(False, "--allow-empty",
                                     help="Exit 0 when the targets hold no segment (default: an error, exit 2)."),
    suggest: Optional[Path] = typer.Option(None, "--suggest",
                                           help="Write candidate glossary entries here (.gloss, .tsv, .csv, .tbx): "
                                                "unknown variants, discovered persons, frequent unlisted names."),
    engine: EngineKind = EngineOpt,
    address: Optional[str] = AddressOpt,
) -> None:
    """Check translations for inconsistent renderings, glossary violations, changed numbers, untranslated text."""
    from translate.check import Severity, check_files
    from translate.check.profile import Profile, load_profile
    from translate.check.render import render_report

    if add_ignored and ignore is None:
        raise UsageError("--add-ignored needs --ignore FILE")
    if fmt.binary and output is None:
        raise UsageError(f"--format {fmt.value} writes a file: give -o FILE")
    qa = load_profile(profile, CHECKS) if profile is not None else Profile()
    gloss = translate.load_glossary(glossary, gazetteer=not no_gazetteer)
    selected = (qa.checks or CHECKS) if checks is None else [c.strip() for c in checks.split(",") if c.strip()]
    backend, cluster = resolve_backend(engine, address)
    with cluster:
        report = check_files(targets, lang, gloss, source=source, source_lang=source_lang, checks=selected,
                             severities=qa.severities, progress=_progress(), discover=not no_discover,
                             settings=qa.settings, backend=backend)
    if not allow_empty and not any(d.segments for d in report.documents):
        names = ", ".join(str(d.path) for d in report.documents)
        raise InputError(f"nothing to check: no segment in {names} (--allow-empty to accept)")
    if ignore is not None:
        from translate.check.ignore import (
            add_to_ignore_list,
            apply_ignore_list,
            read_ignore_list,
        )

        if add_ignored:
            added = add_to_ignore_list(ignore, report)
            print(f"backtrans: {added} finding(s) added to {ignore}", file=sys.stderr)
        report = apply_ignore_list(report, read_ignore_list(ignore))
    for warning in report.warnings:
        print(f"backtrans: warning: {warning}", file=sys.stderr)
    if fmt is ReportFormat.table and output is None:
        from translate.check.report_table import print_report

        print_report(report)
    else:
        fixed = None
        if fmt is ReportFormat.html:  # the page offers each document fixed by `backtrans fix`
            from translate.fix import fixed_versions

            fixed = fixed_versions(((d.path, d.lang) for d in report.documents), gloss)
        write_output(render_report(report, fmt, fixed=fixed), output)
    if suggest is not None:
        from translate.check.suggest import suggest_entries, write_suggestions

        write_suggestions(suggest, suggest_entries(report, gloss))
    if fail_on is None:
        threshold: Severity | None = qa.fail_on or Severity.WARNING
    else:
        threshold = None if fail_on is FailOn.never else Severity.parse(fail_on.value)
    if threshold is not None and report.fails(threshold):
        raise typer.Exit(1)


def _progress() -> Callable[[CheckedDocument, int, int], None] | None:
    """A line per document checked when there are several, on a terminal only."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console

    console = Console(stderr=True, soft_wrap=True)

    def tick(doc: CheckedDocument, done: int, total: int) -> None:
        if total > 1:
            console.print(f"[{done}/{total}] {doc.path}", highlight=False)

    return tick
