"""`backtrans models ...`: list, install, download, remove, build-test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from translate.cli import TableOrJson, app
from translate.engine import packages

models_app = typer.Typer(
    help="Manage Argos Translate models (shared with argospm: $ARGOS_PACKAGES_DIR).",
    no_args_is_help=True,
)
app.add_typer(models_app, name="models")

DirOption = typer.Option(None, "--dir", help="Packages folder (default: $ARGOS_PACKAGES_DIR or Argos' own).")


@models_app.command("list")
def list_models(
    directory: Optional[Path] = DirOption,
    fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", help="table (readable) or json (one array)."),
) -> None:
    """List the installed translation models."""
    found = packages.installed_packages(directory)
    if fmt is TableOrJson.json:
        print(json.dumps([{"from": p.from_code, "to": p.to_code, "name": p.name, "version": p.version,
                           "path": str(p.path), "test": p.test} for p in found], ensure_ascii=False, indent=2))
        return
    if not found:
        print(f"No models installed in {directory or packages.packages_dir()}.")
        print("Install one: backtrans models install FILE.argosmodel | models download FROM TO | models build-test")
        return
    table = Table("from", "to", "package", "version", "kind", "path")
    for p in found:
        table.add_row(p.from_code, p.to_code, p.name, p.version, "copy test model" if p.test else "model", str(p.path))
    Console().print(table)


@models_app.command("install")
def install(
    files: list[Path] = typer.Argument(..., help=".argosmodel files to install (works offline)."),
    directory: Optional[Path] = DirOption,
) -> None:
    """Install .argosmodel files (downloaded elsewhere, or built by `models build-test`)."""
    for file in files:
        package = packages.install_package(file, directory)
        print(f"installed {package.label}")


@models_app.command("download")
def download(
    from_code: str = typer.Argument(..., metavar="FROM"),
    to_code: str = typer.Argument(..., metavar="TO"),
    directory: Optional[Path] = DirOption,
    index_url: Optional[str] = typer.Option(None, "--index", help="Package index URL (default: Argos')."),
) -> None:
    """Download and install the FROM→TO model from the Argos package index (needs internet)."""
    package = packages.download_package(from_code, to_code, directory, index_url)
    print(f"installed {package.label}")


@models_app.command("remove")
def remove(
    from_code: str = typer.Argument(..., metavar="FROM"),
    to_code: str = typer.Argument(..., metavar="TO"),
    directory: Optional[Path] = DirOption,
) -> None:
    """Remove the installed FROM→TO model."""
    for package in packages.remove_package(from_code, to_code, directory):
        print(f"removed {package.label}")


@models_app.command("build-test")
def build_test(
    install_too: bool = typer.Option(True, "--install/--no-install", help="Install the built models."),
    directory: Optional[Path] = DirOption,
    cache: Optional[Path] = typer.Option(None, help="Where the .argosmodel files are built and cached."),
    force: bool = typer.Option(False, help="Rebuild even when the cache is up to date."),
) -> None:
    """Build backtrans' copy test models (uk/pl/id/ar→en, en→vi) and install them in their own
    folder ($BACKTRANS_TEST_MODELS, else backtrans' cache), apart from Argos' models.

    They copy their input exactly: for tests and benchmarks, not for real translation. A run
    uses one only for a pair no real model serves, and says so.
    """
    from translate.engine.testmodel import build_test_models

    built = build_test_models(cache, force=force)
    target = directory or packages.test_packages_dir()
    for (src, tgt), path in sorted(built.items()):
        line = f"{src}→{tgt} {path}"
        if install_too:
            packages.install_package(path, target)
            line += f" (installed in {target})"
        print(line)
