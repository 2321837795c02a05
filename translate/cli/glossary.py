"""`backtrans glossary ...` (placeholder until its issue lands)."""

import typer

from translate.cli import app

glossary_app = typer.Typer(help="glossary commands.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")
