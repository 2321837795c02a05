"""`backtrans terms ...`: find glossary concepts in a text."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

import translate
from translate.cli import NoGazetteerOpt, TableOrJson, app
from translate.files import read_text
from translate.langs import KNOWN, require_language

terms_app = typer.Typer(help="Find glossary terms in texts.", no_args_is_help=True)
app.add_typer(terms_app, name="terms")


@terms_app.command("find")
def find(
    file: Path = typer.Argument(..., help="UTF-8 text file to search ('-': standard input)."),
    lang: str = typer.Option(..., "--lang", help=f"Language of FILE ({', '.join(KNOWN)})."),
    glossary: Path | None = typer.Option(None, "--glossary", "-g", help="Glossary file (default: the shipped one)."),
    fuzzy: bool = typer.Option(False, "--fuzzy", help="Also report suspected new spellings of names."),
    discover: bool = typer.Option(False, "--discover", help='Also report Vietnamese personal names no glossary holds '
                                  '("match": "discovered", concept null, en read back: Фам Мінь Туан → Pham Minh Tuan).'),
    no_gazetteer: bool = NoGazetteerOpt,
    fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", help="table (readable) or json (one array)."),
) -> None:
    """Every occurrence of a glossary concept in FILE, whatever form it takes."""
    from translate.terms import find_terms, matches_json

    lang = require_language(lang)
    text = sys.stdin.read() if str(file) == "-" else read_text(file)
    matches = find_terms(text, lang, translate.load_glossary(glossary, gazetteer=not no_gazetteer), fuzzy=fuzzy,
                         discover=discover)
    if fmt is TableOrJson.json:
        typer.echo(matches_json(matches))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{file}: {len(matches)} matches")
    for column in ("line", "span", "surface", "concept", "en", "match"):
        table.add_column(column)
    for m in matches:
        how = f"{m.how} {m.score:.2f}" if m.how == "fuzzy" else m.how
        table.add_row(str(m.line), f"{m.start}-{m.end}", m.surface, "" if m.how == "discovered" else m.concept, m.en, how)
    Console().print(table)
