"""`backtrans glossary ...`: list, show, add, edit, remove, validate, import, export, merge."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from translate.cli import app
from translate.errors import BacktransError, GlossaryError, UsageError
from translate.files import decode_utf8, read_bytes, write_output
from translate.glossary.kinds import KINDS

if TYPE_CHECKING:
    from translate.glossary.merge import MergeResult

glossary_app = typer.Typer(
    help=(
        "Maintain glossaries: one concept per name or Party term, with canonical en "
        "(Vietnamese without diacritics) and vi, and per-language terms marked preferred, "
        "admitted or deprecated. Every command works on --glossary PATH "
        "(default: $BACKTRANS_GLOSSARY, else the shipped glossaries/vietnam-provinces.gloss). "
        "Writes are atomic and locked, so two editors never lose each other's changes."
    ),
    no_args_is_help=True,
)
app.add_typer(glossary_app, name="glossary")

GlossaryOpt = typer.Option(None, "--glossary", "-g", help="Glossary file (.gloss); default: $BACKTRANS_GLOSSARY, else the shipped one.")
ForceOpt = typer.Option(False, "--force", help="Write even what `glossary validate` would reject.")
TermOpt = typer.Option(
    None, "--term", "-t", help="LANG:TEXT[:STATUS], e.g. 'uk:Хай Дуонг:admitted' (repeatable)."
)


def _path(glossary: Optional[Path]) -> Path:
    from translate.glossary import default_glossary_path

    return glossary if glossary is not None else default_glossary_path()


def _edited_path(glossary: Optional[Path]) -> Path:
    """The glossary an editing command writes: named with -g or $BACKTRANS_GLOSSARY. The shipped
    glossary is never edited by default: in a checkout it is a tracked file, in a wheel read-only."""
    from translate.glossary.store import ENV_VAR, shipped_glossary_path

    path = _path(glossary)
    if glossary is None and os.path.realpath(path) == os.path.realpath(shipped_glossary_path()):
        raise UsageError(f"no glossary to edit: name one with -g team.gloss (or ${ENV_VAR}); to change the shipped "
                         f"glossary itself, name it: -g {path}")
    return path


@glossary_app.command("list")
def list_cmd(
    glossary: Optional[Path] = GlossaryOpt,
    kind: Optional[str] = typer.Option(None, help="Only concepts of this kind (person, place, party-term, ...)."),
    lang: Optional[str] = typer.Option(None, help="Only concepts with terms in this language; show those terms."),
    text: Optional[str] = typer.Option(None, help="Only concepts whose id, en, vi or a term contains TEXT."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """List concepts: id, kind, en, vi and (with --lang) the terms in that language."""
    from translate.glossary import load_glossary
    from translate.glossary.edit import filter_concepts

    concepts = filter_concepts(load_glossary(_path(glossary)), kind, lang, text)
    if fmt == "json":
        print(json.dumps([c.to_json() for c in concepts], ensure_ascii=False, indent=2))
        return
    if fmt != "text":
        raise UsageError(f"unknown --format {fmt!r} (text, json)")
    for c in concepts:
        terms = ""
        if lang:
            terms = "\t" + "; ".join(
                t.text + ("" if t.status.value == "preferred" else f" ({t.status.value})") for t in c.terms_in(lang)
            )
        print(f"{c.id}\t{c.kind}\t{c.en}\t{c.vi}{terms}")


@glossary_app.command("show")
def show_cmd(concept_id: str = typer.Argument(..., metavar="ID"), glossary: Optional[Path] = GlossaryOpt) -> None:
    """Print one concept in the glossary's own format."""
    from translate.glossary import load_glossary
    from translate.glossary.edit import concept_text, get_concept

    print(concept_text(get_concept(load_glossary(_path(glossary)), concept_id)), end="")


def _prompt_missing(values: dict[str, Optional[str]]) -> dict[str, str]:
    missing = [k for k, v in values.items() if not v]
    if missing and not sys.stdin.isatty():
        raise UsageError(f"missing --{', --'.join(missing)} (prompts need a terminal)")
    return {k: v if v else typer.prompt(k) for k, v in values.items()}


@glossary_app.command("add")
def add_cmd(
    concept_id: Optional[str] = typer.Option(None, "--id", help="Readable slug, e.g. hai-duong."),
    kind: Optional[str] = typer.Option(None, help=f"One of {', '.join(KINDS)}, or a kind of your own."),
    en: Optional[str] = typer.Option(None, help="Canonical English (Vietnamese names: vi without diacritics)."),
    vi: Optional[str] = typer.Option(None, help="Canonical Vietnamese, with diacritics."),
    note: str = typer.Option("", help="Free note on the concept."),
    term: Optional[List[str]] = TermOpt,
    generate: bool = typer.Option(True, "--generate/--no-generate",
                                  help="Fill the languages no --term gives from vi, for Vietnamese names "
                                       "(uk transcription, ar spelling, ASCII), marked 'generated'."),
    preview: bool = typer.Option(False, "--preview", help="Show the entry and the forms of each term; write nothing."),
    force: bool = ForceOpt,
    glossary: Optional[Path] = GlossaryOpt,
) -> None:
    """Add a concept (prompts for missing fields when run in a terminal).

    For a Vietnamese name (a place, person, ...), the languages no --term gives are filled
    from vi: Ukrainian by the practical transcription and the letter reading (Хайзионг, Хай
    Дуонг), Arabic by its phonetic spelling, Polish and Indonesian in ASCII; --preview shows
    them and their declensions first.
    """
    from translate.glossary import Concept, Term
    from translate.glossary.edit import add_concept, concept_text, parse_term_spec
    from translate.glossary.generate import term_forms, with_generated
    from translate.glossary.kinds import check_kind

    fields = _prompt_missing({"id": concept_id, "kind": kind, "en": en, "vi": vi})
    if not force:
        check_kind(fields["kind"])
    terms: dict[str, list[Term]] = {}
    specs = list(term or [])
    if not specs and sys.stdin.isatty() and concept_id is None:
        while spec := typer.prompt("term LANG:TEXT[:STATUS] (empty to finish)", default="", show_default=False):
            specs.append(spec)
    for spec in specs:
        t = parse_term_spec(spec)
        terms.setdefault(t.lang, []).append(t)
    concept = Concept(fields["id"], fields["kind"], fields["en"], fields["vi"], terms, note)
    if generate:
        concept = with_generated(concept)
    if preview:
        print(concept_text(concept), end="")
        for t, forms in term_forms(concept):
            if forms:
                print(f"{t.lang} {t.text}: {', '.join(forms)}")
        return
    add_concept(_edited_path(glossary), concept, force=force)
    made = sorted({t.lang for ts in concept.terms.values() for t in ts if t.generated})
    print(f"added {concept.id}" + (f" (generated: {', '.join(made)})" if made else ""))


@glossary_app.command("edit")
def edit_cmd(
    concept_id: str = typer.Argument(..., metavar="ID"),
    kind: Optional[str] = typer.Option(None, help="New kind."),
    en: Optional[str] = typer.Option(None, help="New canonical English."),
    vi: Optional[str] = typer.Option(None, help="New canonical Vietnamese."),
    note: Optional[str] = typer.Option(None, help="New note."),
    term: Optional[List[str]] = typer.Option(
        None, "--term", "-t", help="Add or restate a term: LANG:TEXT[:STATUS] (repeatable)."
    ),
    remove_term: Optional[List[str]] = typer.Option(None, help="Remove a term: LANG:TEXT (repeatable)."),
    force: bool = ForceOpt,
    glossary: Optional[Path] = GlossaryOpt,
) -> None:
    """Change a concept with flags, or (no flags, on a terminal) edit its text in $EDITOR."""
    from translate.glossary import load_glossary
    from translate.glossary.edit import (
        concept_text,
        get_concept,
        parse_term_spec,
        replace_concept_text,
        update_concept,
    )
    from translate.glossary.kinds import check_kind

    path = _edited_path(glossary)
    for name, value in (("--kind", kind), ("--en", en)):
        if value is not None and not value.strip():
            raise UsageError(f"{name} cannot be empty")
    if kind is not None and not force:
        check_kind(kind)
    if any(v is not None for v in (kind, en, vi, note)) or term or remove_term:
        removals = []
        for spec in remove_term or []:
            lang, sep, text = spec.partition(":")
            if not sep:
                raise UsageError(f"--remove-term {spec!r} is not LANG:TEXT")
            removals.append((lang, text))
        update_concept(path, concept_id, kind=kind, en=en, vi=vi, note=note,
                       add_terms=[parse_term_spec(s) for s in term or []], remove_terms=removals, force=force)
        print(f"updated {concept_id}")
        return
    explicit_editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not explicit_editor and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("nothing to change: give --kind, --en, --vi, --note, --term or --remove-term "
                         "(editing the text in an editor needs a terminal, or $EDITOR)")
    original = concept_text(get_concept(load_glossary(path), concept_id))
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w", suffix=".gloss", prefix=f"{concept_id}.", delete=False,
                                     encoding="utf-8") as f:
        f.write(original)
    if subprocess.call([*shlex.split(editor), f.name]) != 0:
        raise GlossaryError(f"editor {editor!r} failed; nothing changed (your text: {f.name})")
    try:
        edited = decode_utf8(read_bytes(f.name), f.name)
    except BacktransError as e:
        raise type(e)(f"{e} (nothing changed; your text is kept in {f.name})") from None
    if edited == original:
        os.unlink(f.name)
        print("no change")
        return
    try:
        new = replace_concept_text(path, concept_id, original, edited, force=force)
    except BacktransError as e:
        raise type(e)(f"{e} (your text is kept in {f.name})") from None
    os.unlink(f.name)
    print(f"updated {new.id}")


@glossary_app.command("remove")
def remove_cmd(concept_id: str = typer.Argument(..., metavar="ID"), glossary: Optional[Path] = GlossaryOpt) -> None:
    """Remove a concept."""
    from translate.glossary.edit import remove_concept

    remove_concept(_edited_path(glossary), concept_id)
    print(f"removed {concept_id}")


@glossary_app.command("validate")
def validate_cmd(glossary: Optional[Path] = GlossaryOpt) -> None:
    """Check the glossary; print FILE:LINE: CONCEPT: MESSAGE per problem, exit 1 when any."""
    from translate.glossary import load_glossary
    from translate.glossary.validate import validate_glossary

    g = load_glossary(_path(glossary))
    problems = validate_glossary(g)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {g.path}", file=sys.stderr)
        raise typer.Exit(1)
    print(f"{g.path}: {len(g)} concepts, no problems")


@glossary_app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., help="TBX (v2 or v3), CSV, TSV, XLSX or .gloss file."),
    fmt: Optional[str] = typer.Option(None, "--format", help="tbx, csv, tsv, xlsx or gloss (default: by extension)."),
    langs: Optional[str] = typer.Option(None, "--langs", help="A CSV/TSV file without a header row (OmegaT's "
                                        "glossaries): its columns' languages, in order, e.g. uk,en."),
    force: bool = ForceOpt,
    glossary: Optional[Path] = GlossaryOpt,
) -> None:
    """Merge the concepts of FILE into the glossary (nothing written when they conflict, or when
    the result has problems `validate` reports that it had not before, unless --force)."""
    from translate.glossary.edit import import_into
    from translate.glossary.interchange import read_glossary

    columns = [c.strip() for c in langs.split(",")] if langs else None
    result = import_into(_edited_path(glossary), read_glossary(file, fmt, columns), force=force)
    _report_merge(result)
    for shared in result.shared:
        print(f"note: {shared}: imported; texts with it name both as candidates", file=sys.stderr)
    print(f"imported {len(result.added)} new concept(s), extended {len(result.extended)}")


def _report_merge(result: MergeResult) -> None:
    """Print the conflicts of a merge and exit 1 when there are any."""
    if result.conflicts:
        for c in result.conflicts:
            print(c)
        print(f"{len(result.conflicts)} conflict(s): nothing written", file=sys.stderr)
        raise typer.Exit(1)


@glossary_app.command("export")
def export_cmd(
    fmt: str = typer.Option(..., "--format", help="tbx (TBX v3, TBX-Basic), csv, tsv or xlsx (one column per language)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    layout: str = typer.Option("wide", help="CSV/TSV: wide (one row per concept) or long (one row per term)."),
    glossary: Optional[Path] = GlossaryOpt,
) -> None:
    """Export the glossary as TBX, CSV or TSV."""
    from translate.glossary import load_glossary
    from translate.glossary.interchange import export_glossary

    write_output(export_glossary(load_glossary(_path(glossary)), fmt, layout), output)


@glossary_app.command("merge")
def merge_cmd(
    a: Path = typer.Argument(..., help="First glossary (its order and values come first)."),
    b: Path = typer.Argument(..., help="Second glossary (its new concepts and terms are added)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Merged .gloss file (default: stdout)."),
    force: bool = ForceOpt,
) -> None:
    """Merge two glossaries; conflicts are listed (exit 1) and nothing is written, as when the
    result has problems `validate` reports that neither input had (unless --force)."""
    from translate.glossary import load_glossary
    from translate.glossary.merge import merge_glossaries
    from translate.glossary.store import glossary_text

    first, second = load_glossary(a), load_glossary(b)
    result = merge_glossaries(first, second)
    _report_merge(result)
    if not force:
        from translate.glossary.validate import problem_keys, refuse_new_problems

        refuse_new_problems(result.glossary, problem_keys(first, second), output)
    write_output(glossary_text(result.glossary, output), output)
    if output is not None:
        print(f"merged into {output}: {len(result.added)} added, {len(result.extended)} extended", file=sys.stderr)
