"""Helpers for tests that run the real `backtrans` command, in this process or as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

BACKTRANS = str(Path(sys.executable).with_name("backtrans"))
REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def cli_env(models_dir: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    if models_dir is not None:
        env["ARGOS_PACKAGES_DIR"] = str(models_dir)
    return env


def run_cli(args: list[str], env_dir: Path | None = None, cwd: Path | None = None,
            input: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `backtrans ARGS` in this process, as the command would (``translate.cli.run``: the
    same argument parsing, errors and exit codes), with stdout and stderr captured apart;
    ``env_dir`` is the Argos packages folder it sees. Tests of what only a process shows
    (signals, a fresh interpreter, the installed script) use :func:`run_process`."""
    from translate.cli import run

    env = {"COLUMNS": "200", "NO_COLOR": "1", **(env or {})}
    if env_dir is not None:
        env["ARGOS_PACKAGES_DIR"] = str(env_dir)
    here = os.getcwd()
    with CliRunner().isolation(input=input, env=env) as (out, err, _):
        try:
            if cwd is not None:
                os.chdir(cwd)
            code = run([str(a) for a in args])
        finally:
            os.chdir(here)
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")
    return subprocess.CompletedProcess(args, code, stdout, stderr)


def run_process(args: list[str], env_dir: Path | None = None, timeout: float = 600, **kwargs) -> subprocess.CompletedProcess:
    """Run the installed `backtrans ARGS` in a subprocess; ``env_dir`` is the Argos packages folder it sees."""
    return subprocess.run([BACKTRANS, *args], capture_output=True, text=True, timeout=timeout,
                          env=cli_env(env_dir), **kwargs)


def span_match(concept: str, start: int, end: int, surface: str = "", *, term: str = "",
               deprecated: bool = False):
    """A hand-made one-line ``Match`` of ``concept`` at [start, end) (for metric arithmetic)."""
    from translate.glossary import Status
    from translate.terms import How, Match

    return Match(line=1, start=start, end=end, surface=surface, concept=concept, term=term, how=How.EXACT,
                 offset=start, status=Status.DEPRECATED if deprecated else Status.PREFERRED)
