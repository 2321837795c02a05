"""`backtrans fix FILE...`: a thin layer over ``translate.fix``.

Exit codes: 0 fixed (or nothing to fix), 2 usage or input error. Forms left alone as ambiguous
are listed on standard error (and in the JSON report) whatever the exit code.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

import translate
from translate.cli import NoDiscoverOpt, NoGazetteerOpt, app
from translate.errors import UsageError
from translate.langs import KNOWN, require_language

if TYPE_CHECKING:
    from translate.fix import Change, FixedFile


class FixFormat(str, Enum):
    """``--format`` of the report of changes: a unified diff, or one JSON array."""

    diff = "diff"
    json = "json"


@app.command("fix")
def fix_cmd(
    targets: List[str] = typer.Argument(..., metavar="FILE...", help="Translations: UTF-8 text, TMX, XLIFF, SDLXLIFF, "
                                        "MQXLIFF, XLZ or PO files (targets only), translate's output folders, globs; "
                                        "'-': a text on standard input."),
    lang: str = typer.Option(..., "--lang", "-l", help=f"Language of the files ({', '.join(KNOWN)})."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="Glossary (default: the shipped one)."),
    no_gazetteer: bool = NoGazetteerOpt,
    no_discover: bool = NoDiscoverOpt,
    no_fuzzy: bool = typer.Option(False, "--no-fuzzy", help="Leave suspected new spellings of names alone."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the fixed text here (one FILE)."),
    in_place: bool = typer.Option(False, "--in-place", "-i", help="Rewrite each FILE (atomically, its mode kept)."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Write nothing: print the changes (--format)."),
    fmt: FixFormat = typer.Option(FixFormat.diff, "--format", "-f",
                                  help="Report of the changes: diff (coloured on a terminal) or json."),
    interactive: bool = typer.Option(False, "--interactive", help="Ask before each change (y: make it, n: leave it, "
                                     "a: make this and the rest, q: leave this and the rest; a number: that form)."),
    choose: bool = typer.Option(False, "--choose", help="Where a form could be two cases of the preferred term, "
                                "write the first (singular before plural, nominative first) instead of leaving it."),
) -> None:
    """Rewrite every rendering of a glossary concept to its preferred form, in the same grammatical case.

    In a folder, translate's outputs into --lang are fixed, DOC.LANG.txt and its DOC.LANG.jsonl
    alike (a fixed record's glossary verdict is made again for its fixed translation).

    Without --out, --in-place or --dry-run, the fixed text goes to standard output. --dry-run prints
    the changes (a diff, or JSON with --format json); with --out or --in-place, --format json prints
    them too. Only the replaced words change: every other byte of the file is kept.
    """
    from translate.fix import fix_file, fix_targets

    lang = require_language(lang)
    if sum((out is not None, in_place, dry_run)) > 1:
        raise UsageError("choose one of --out, --in-place and --dry-run")
    if interactive and not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise UsageError("--interactive needs a terminal")
    files = fix_targets(targets, lang)
    if in_place and str(files[0]) == "-":
        raise UsageError("--in-place rewrites files: standard input has none (use --out or standard output)")
    if len(files) > 1 and not (in_place or dry_run):
        raise UsageError(f"{len(files)} files to fix: add --in-place or --dry-run")
    gloss = translate.load_glossary(glossary, gazetteer=not no_gazetteer)
    fixed = [fix_file(f, lang, gloss, choose=choose, fuzzy=not no_fuzzy, discover=not no_discover,
                      decide=_Asker(f) if interactive else None) for f in files]
    for result in fixed:
        for c in result.ambiguous:
            choices = " | ".join(c.choices) or "no form of the preferred term fits"
            print(f"backtrans: {result.path}:{c.line}: left «{c.old}» ({c.concept}): {choices}", file=sys.stderr)
    if in_place or out is not None:
        for result in fixed:
            if result.applied or out is not None:
                result.write(out)
    elif not dry_run:  # the fixed text takes standard output: the changes are only counted
        sys.stdout.buffer.write(fixed[0].data())
        sys.stdout.flush()
    else:
        _report(fixed, fmt)
    for result in fixed:
        print(f"backtrans: {result.path}: {len(result.applied)} fixed, {len(result.ambiguous)} left", file=sys.stderr)
    if (in_place or out is not None) and fmt is FixFormat.json:
        _report(fixed, fmt)


class _Asker:
    """``--interactive``: each change shown in its line on standard error, the answer read from
    standard input; "a" and "q" answer the rest of the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rest: bool | None = None

    def __call__(self, change: Change, line: str) -> Change:
        if not change.applied and not change.choices:
            return change  # nothing to choose from (a name several units bear)
        if self.rest is not None:
            return change if self.rest else replace(change, new=change.old, applied=False)
        choices = change.choices or (change.new,)
        before, after = line[max(0, change.start - 40):change.start], line[change.end:change.end + 40]
        print(f"{self.path}:{change.line}: …{before}[{change.old}]{after}…", file=sys.stderr)
        for n, form in enumerate(choices, 1):
            print(f"  {n}) {form}", file=sys.stderr)
        while True:
            answer = input("  make this change? [y/n/a/q/1..]: " if len(choices) == 1 else
                           "  which form? [1..n / n: leave it / q: leave the rest]: ").strip().lower()
            if answer in ("y", "a") and len(choices) == 1 or answer.isdigit() and 1 <= int(answer) <= len(choices):
                self.rest = True if answer == "a" else None
                form = choices[int(answer) - 1] if answer.isdigit() else change.new
                return replace(change, new=form, applied=True)
            if answer in ("n", "q"):
                self.rest = False if answer == "q" else None
                return replace(change, new=change.old, applied=False)


def _report(fixed: list[FixedFile], fmt: FixFormat) -> None:
    """The changes on standard output: a unified diff (coloured on a terminal), or one JSON array."""
    if fmt is FixFormat.json:
        rows = [{"file": str(r.path), **c.to_json()} for r in fixed for c in r.changes]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    colour = sys.stdout.isatty()
    for result in fixed:
        for line in result.diff():
            print(_coloured(line) if colour else line)


def _coloured(line: str) -> str:
    code = "1" if line.startswith(("---", "+++")) else "32" if line[:1] == "+" else "31" if line[:1] == "-" else \
        "36" if line.startswith("@@") else ""
    return f"\x1b[{code}m{line}\x1b[0m" if code else line
