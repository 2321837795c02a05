"""`backtrans models ...`: list, install, download, remove, build-test."""

import typer

from translate.cli import app

models_app = typer.Typer(help="Manage Argos Translate models.", no_args_is_help=True)
app.add_typer(models_app, name="models")
