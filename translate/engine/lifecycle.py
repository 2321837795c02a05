"""The one engine lifecycle: at most one CTranslate2 model loaded at a time, freed when done.

A loaded CTranslate2 Translator keeps its weights and its workers' scratch memory; keeping one
per package made a run over four source languages peak 2.5x higher than one model
(scripts/mem_profile.py). Batch runs and translation-based alignment both go through
:class:`Engines`, package by package, so the one loaded before is freed before the next loads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Protocol

from translate.engine.packages import ModelPackage
from translate.engine.translator import Engine, EngineSettings

OnBatch = Callable[[list[int], list[str], int], None]


class PackageTranslator(Protocol):
    """What a run translates with: :class:`Engines` here, or an actor pool on a cluster
    (``translate.distributed``); ``on_batch`` as for :meth:`Engine.translate`."""

    def translate(self, package: ModelPackage, texts: Sequence[str], on_batch: OnBatch | None = None) -> list[str]: ...

    def close(self) -> None: ...


class Engines:
    """Loads the engine of each package asked for, freeing the one before; a context manager."""

    def __init__(self, settings: EngineSettings = EngineSettings()) -> None:
        self.settings = settings
        self._engine: Engine | None = None
        self.loads = 0  # engines loaded so far (a new package, or the same one after close())

    def engine(self, package: ModelPackage) -> Engine:
        """The engine of ``package``; the one loaded before is freed first."""
        if self._engine is None or self._engine.package.path != package.path:
            self._engine = None  # freed before the next one loads, or both would count in the peak
            self._engine = Engine(package, self.settings)
            self.loads += 1
        return self._engine

    def translate(self, package: ModelPackage, texts: Sequence[str], on_batch: OnBatch | None = None) -> list[str]:
        """``texts`` translated by ``package`` (see :meth:`Engine.translate` for ``on_batch``)."""
        return self.engine(package).translate(texts, on_batch=on_batch)

    def translate_route(self, route: Sequence[ModelPackage], texts: Sequence[str]) -> list[str]:
        """``texts`` through each package of ``route`` in turn (a pivot: uk→en, then en→vi)."""
        current = list(texts)
        for package in route:
            current = self.translate(package, current)
        return current

    def close(self) -> None:
        """Free the loaded engine."""
        self._engine = None

    def __enter__(self) -> Engines:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
