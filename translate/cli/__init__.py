"""The `backtrans` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from translate.errors import BacktransError, UsageError

if TYPE_CHECKING:
    from translate.glossary import Glossary
    from translate.pipeline.backend import Backend

app = typer.Typer(
    name="backtrans",
    help="Offline back-translation, glossary enforcement and terminology checks.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from translate import __version__

        print(f"backtrans {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Offline back-translation, glossary enforcement and terminology checks."""


class TableOrJson(str, Enum):
    """``--format`` of listing commands: a readable table, or one JSON array for programs."""

    table = "table"
    json = "json"


NoGazetteerOpt = typer.Option(False, "--no-gazetteer", help="Without the layer of every Vietnamese administrative unit under the glossary.")
NoDiscoverOpt = typer.Option(False, "--no-discover", help="Leave Vietnamese personal names no glossary holds as the model writes them.")


class EngineKind(str, Enum):
    """Where a command's work happens: this process, or a Ray cluster (``translate.distributed``)."""

    local = "local"
    ray = "ray"


EngineOpt = typer.Option(EngineKind.local, "--engine", help="local: this process; ray: a Ray cluster (pip install 'backtrans[ray]'), the same results.")
AddressOpt = typer.Option(None, "--address", help="With --engine ray: the cluster to join (ray start --head prints it; default: start a local Ray).")


def resolve_backend(engine: EngineKind, address: str | None, actors: int = 0,
                    threads: int = 1) -> "tuple[Backend, AbstractContextManager[None]]":
    """The backend ``--engine`` names and the Ray session to run it in (nothing for local);
    Ray is imported only for ``--engine ray``."""
    from translate.pipeline.backend import Backend

    if engine is EngineKind.local:
        if address is not None or actors:
            raise UsageError("--address and --actors run on Ray: add --engine ray")
        return Backend(), nullcontext()
    from translate.distributed import RayBackend, ray_cluster

    return RayBackend(actors=actors, threads=threads), ray_cluster(address)


def resolve_glossary(path: Path | None, no_glossary: bool = False, no_gazetteer: bool = False) -> "Glossary | None":
    """The glossary that ``--glossary PATH`` / ``--no-glossary`` / ``--no-gazetteer`` name.

    None with ``--no-glossary``; the shipped (or $BACKTRANS_GLOSSARY) one without a path;
    TBX, CSV and TSV files are read as well as .gloss ones; the gazetteer under it unless
    ``--no-gazetteer``.
    """
    if no_glossary:
        if path is not None:
            raise UsageError("--glossary and --no-glossary exclude each other", path)
        return None
    import translate

    return translate.load_glossary(path, gazetteer=not no_gazetteer)


def _register() -> None:
    """Put every command on ``app``: translate's own (importing a module registers its commands),
    then those of the installed plugins (align's ``align`` and ``score``, see translate.plugins)."""
    if getattr(_register, "done", False):
        return
    from translate.cli import (  # noqa: F401
        check_cmd,
        fix_cmd,
        glossary,
        models,
        serve_cmd,
        terms,
        translate_cmd,
    )
    from translate.plugins import cli_plugins

    for register in cli_plugins():
        register(app)
    _register.done = True  # type: ignore[attr-defined]


# click's UsageError, as the typer in use raises it (recent typers vendor their own click).
_USAGE_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def run(args: list[str] | None = None) -> int:
    """Run ``backtrans ARGS`` in this process and return its exit code: a user error is one
    line on stderr and code 2 (as are usage errors, which typer reports), an interrupt 130."""
    _register()
    try:
        code = app(args=args, prog_name="backtrans", standalone_mode=False)
    except _USAGE_ERROR as e:  # a bad option or argument: one line, as for every other error
        ctx: Any = getattr(e, "ctx", None)
        if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:
            print(ctx.get_help(), file=sys.stderr)
            return 2
        hint = f" (see: {ctx.command_path} --help)" if ctx is not None else ""
        print(f"backtrans: error: {getattr(e, 'format_message', e.__str__)()}{hint}", file=sys.stderr)
        return 2
    except typer.Abort:
        print("backtrans: interrupted", file=sys.stderr)
        return 130
    except SystemExit as e:  # typer's own exits
        return e.code if isinstance(e.code, int) else 0 if e.code is None else 1
    except BacktransError as e:
        print(f"backtrans: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("backtrans: interrupted", file=sys.stderr)
        return 130
    return code if isinstance(code, int) else 0


def main() -> None:
    """Entry point of the ``backtrans`` command."""
    sys.exit(run())
