"""Helpers for tests that run the real `backtrans` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BACKTRANS = str(Path(sys.executable).with_name("backtrans"))
REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def cli_env(models_dir: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    if models_dir is not None:
        env["ARGOS_PACKAGES_DIR"] = str(models_dir)
    return env


def run_cli(args: list[str], env_dir: Path | None = None, timeout: float = 600, **kwargs) -> subprocess.CompletedProcess:
    """Run `backtrans ARGS` in a subprocess; ``env_dir`` is the Argos packages folder it sees."""
    return subprocess.run([BACKTRANS, *args], capture_output=True, text=True, timeout=timeout,
                          env=cli_env(env_dir), **kwargs)


def span_match(concept: str, start: int, end: int, surface: str = "", *, term: str = "",
               deprecated: bool = False):
    """A hand-made one-line ``Match`` of ``concept`` at [start, end) (for metric arithmetic)."""
    from translate.glossary import Status
    from translate.terms import How, Match

    return Match(line=1, start=start, end=end, surface=surface, concept=concept, term=term, how=How.EXACT,
                 offset=start, status=Status.DEPRECATED if deprecated else Status.PREFERRED)
