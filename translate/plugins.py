"""What other packages plug into translate, through entry points, so translate never imports them.

The distribution's ``align`` package depends on ``translate``; for ``translate`` not to depend
on ``align`` in turn, the two things translate needs from it are found at run time, through
the standard plugin mechanism (``[project.entry-points]`` in pyproject.toml):

- ``backtrans.cli``: callables ``register(app)`` that add commands to the ``backtrans`` command
  (``align`` and ``score``);
- ``backtrans.aligner``: one sentence aligner, ``pair(source, target) -> [(source ids, target
  ids), ...]`` over two segmented :class:`~translate.pipeline.read.Document` s, which
  ``check --source`` uses to give each translated sentence its source.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from translate.errors import UsageError
from translate.pipeline.read import Document

CLI_GROUP = "backtrans.cli"
ALIGNER_GROUP = "backtrans.aligner"

Pairs = list[tuple[tuple[int, ...], tuple[int, ...]]]
SentenceAligner = Callable[[Document, Document], Pairs]


def _load(group: str) -> list[Any]:
    return [ep.load() for ep in sorted(entry_points(group=group), key=lambda ep: ep.name)]


def cli_plugins() -> list[Callable[[Any], None]]:
    """The ``register(app)`` callables of every installed ``backtrans.cli`` plugin."""
    return _load(CLI_GROUP)


def sentence_aligner() -> SentenceAligner:
    """The installed sentence aligner (the ``align`` package's); a UsageError when there is none."""
    found = _load(ALIGNER_GROUP)
    if not found:
        raise UsageError("aligning a text with its source needs the align package: reinstall backtrans")
    return found[0]
