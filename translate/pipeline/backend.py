"""Where a run's work happens: the seam between the orchestrator (``run``) and the machines.

:class:`Backend` runs it all in this process: the per-document stages one document after
another, the sentences through ``translate.engine.Engines``. ``translate.distributed`` has one
that runs the same stage functions in Ray tasks and translates in a pool of Ray actors.
Whatever the backend, the orchestrator alone writes the journal and the outputs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from translate.engine import Engines, EngineSettings, PackageTranslator

T = TypeVar("T")
R = TypeVar("R")


class Backend:
    """This process: a stage function mapped in a loop, one engine loaded at a time."""

    def resolve(self, settings: EngineSettings) -> EngineSettings:
        """``settings`` with the device the run's engines will use (``auto`` decided)."""
        return replace(settings, device=settings.resolved_device)

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """``fn`` of each of ``items``, in order (``fn`` a module-level function or a partial of one)."""
        return [fn(item) for item in items]

    def engines(self, settings: EngineSettings) -> PackageTranslator:
        """What translates the run's sentences, package by package; closed by the run."""
        return Engines(settings)
