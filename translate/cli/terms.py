"""`backtrans terms ...` (placeholder until its issue lands)."""

import typer

from translate.cli import app

terms_app = typer.Typer(help="terms commands.", no_args_is_help=True)
app.add_typer(terms_app, name="terms")
