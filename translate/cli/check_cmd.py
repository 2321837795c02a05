"""`backtrans check TARGET...`: a thin layer over ``translate.check``.

Exit codes: 0 clean, 1 a finding at or above ``--fail-on``, 2 usage or input error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from translate.cli import app, resolve_glossary
from translate.errors import UsageError
from translate.langs import require_language


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"


class FailOn(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


@app.command("check")
def check_cmd(
    targets: List[str] = typer.Argument(..., help="Translations: text, TMX or XLIFF files, folders or globs."),
    lang: str = typer.Option(..., "--lang", "-l", help="Language of the translation (uk, pl, id, ar, ...)."),
    source: Optional[Path] = typer.Option(None, "--source", "-s",
                                          help="Source (or back-translation) of a single text TARGET."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", help="Language of the source (default: detected)."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="Glossary (default: the shipped one)."),
    checks: Optional[str] = typer.Option(None, "--checks", help="Comma-separated checks to run (default: all)."),
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", "-f", help="table, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Report file (default: stdout)."),
    fail_on: FailOn = typer.Option(FailOn.warning, "--fail-on", help="Exit 1 on findings at or above this severity."),
    suggest: Optional[Path] = typer.Option(None, "--suggest",
                                           help="Write candidate glossary entries here (.gloss, .tsv, .csv, .tbx)."),
) -> None:
    """Check translations for inconsistent renderings, glossary violations, changed numbers, untranslated text."""
    from translate.check import CHECKS, Severity, check_documents, expand_targets, load_document

    selected = CHECKS if checks is None else tuple(c.strip() for c in checks.split(",") if c.strip())
    unknown = [c for c in selected if c not in CHECKS]
    if unknown:
        raise UsageError(f"unknown check {unknown[0]!r} (choose from {', '.join(CHECKS)})")
    files = expand_targets(targets)
    if source is not None and len(files) != 1:
        raise UsageError("--source needs exactly one TARGET file")
    gloss = resolve_glossary(glossary)
    glossary_langs = {lang_ for concept in gloss for lang_ in concept.languages}
    require_language(lang, glossary_langs)
    if source_lang is not None:
        require_language(source_lang, glossary_langs, option="--source-lang")
    docs = [load_document(f, lang, source, source_lang) for f in files]
    report = check_documents(docs, gloss, selected, progress=_progress(len(docs)))
    _emit(report, fmt, output)
    if suggest is not None:
        from translate.check.suggest import suggest_entries, write_suggestions

        write_suggestions(suggest, suggest_entries(report, gloss))
    if fail_on is not FailOn.never and report.fails(Severity.parse(fail_on.value)):
        raise typer.Exit(1)


def _progress(total: int):  # type: ignore[no-untyped-def]
    if total < 2 or not sys.stderr.isatty():
        return None
    from rich.console import Console

    console = Console(stderr=True)
    done = [0]

    def tick(doc) -> None:  # type: ignore[no-untyped-def]
        done[0] += 1
        console.print(f"[{done[0]}/{total}] {doc.path}", highlight=False)

    return tick


def _emit(report, fmt: ReportFormat, output: Path | None) -> None:  # type: ignore[no-untyped-def]
    from translate.files import atomic_write_text

    if fmt is ReportFormat.table:
        from rich.console import Console

        from translate.check.report_table import print_report

        if output is None:
            print_report(report)
        else:
            import io

            buffer = io.StringIO()
            print_report(report, Console(file=buffer, width=160))
            atomic_write_text(output, buffer.getvalue())
        return
    if fmt is ReportFormat.json:
        from translate.check.report_json import render_json

        text = render_json(report)
    else:
        from translate.check.report_html import render_html

        text = render_html(report)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write_text(output, text)
