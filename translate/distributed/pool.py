"""The translators of a run on Ray: a pool of actors, each holding one CTranslate2 engine.

The driver cuts the sentences into the batches the local engine would cut
(``translate.engine.translator.plan_batches``, same tokeniser, same ``--batch-tokens``) and
sends each batch to an actor, which translates it as one CTranslate2 batch: same batches, same
translations. Actors only return translations; the driver alone records them (the journal) and
writes, so an actor that dies mid-batch loses nothing but that batch, which Ray runs again on
the actor it restarts (``max_restarts``, ``max_task_retries``). As locally, each actor holds
one engine at a time (``translate.engine.Engines``), the package's that the run is at.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import ray

from translate.engine import Engines, EngineSettings, ModelPackage
from translate.engine.lifecycle import OnBatch
from translate.engine.translator import load_tokenizer, plan_batches
from translate.errors import BacktransError, ModelError

MAX_RESTARTS = 3  # an actor killed more often than this fails the run (a batch that kills it every time)
IN_FLIGHT = 2  # batches queued on each actor, so it never waits for the driver


@ray.remote
class TranslatorActor:
    """One engine at a time (``translate.engine.Engines``, the one lifecycle), translating the
    batches it is sent with the package each names: a new package frees the model before."""

    def __init__(self, settings: EngineSettings) -> None:
        self.engines = Engines(settings)

    def pid(self) -> int:
        """The actor's process (tests kill it)."""
        return os.getpid()

    def load(self, package: ModelPackage) -> None:
        self.engines.engine(package)

    def translate(self, package: ModelPackage, batch: list[list[str]]) -> list[str]:
        return self.engines.engine(package).translate_tokens(batch)


class ActorPool:
    """``translate.engine.PackageTranslator`` on Ray: ``actors`` translator actors, started once
    per run, all holding the package asked for (a restarted one loads it with its next batch)."""

    def __init__(self, settings: EngineSettings, actors: int, threads: int = 1) -> None:
        # Each actor: one CTranslate2 worker of ``threads`` threads, one batch at a time.
        self.settings = replace(settings, threads=threads, workers=1)
        self.size = actors
        self.package: ModelPackage | None = None
        self.actors: list = []  # ray actor handles
        self.tokenizer: Any = None  # the loaded package's SentencePiece model, on the driver

    def _load(self, package: ModelPackage) -> None:
        if self.package is not None and self.package.path == package.path:
            return
        if not self.actors:
            options = dict(num_cpus=self.settings.threads, num_gpus=1 if self.settings.device == "cuda" else 0,
                           max_restarts=MAX_RESTARTS, max_task_retries=MAX_RESTARTS)
            self.actors = [TranslatorActor.options(**options).remote(self.settings)  # type: ignore[attr-defined]
                           for _ in range(self.size)]
        self.tokenizer = load_tokenizer(package)
        _get([actor.load.remote(package) for actor in self.actors])  # loaded, or its ModelError now
        self.package = package

    def pids(self) -> list[int]:
        """The process id of each actor (Ray gives a restarted one a new process)."""
        return _get([actor.pid.remote() for actor in self.actors])

    def translate(self, package: ModelPackage, texts: Sequence[str], on_batch: OnBatch | None = None) -> list[str]:
        """``texts`` translated by ``package``'s actors; ``on_batch`` on the driver as each batch returns."""
        if not texts:
            return []
        self._load(package)
        tokens = self.tokenizer.encode(list(texts), out_type=str)
        batches = plan_batches(tokens, self.settings.batch_tokens)
        results: list[str] = [""] * len(tokens)
        todo = iter(batches)
        pending: dict = {}  # object ref → (actor, batch)

        def submit(actor: Any) -> None:
            batch = next(todo, None)
            if batch is not None:
                pending[actor.translate.remote(package, [tokens[i] for i in batch])] = (actor, batch)

        for _ in range(IN_FLIGHT):
            for actor in self.actors:
                submit(actor)
        while pending:
            [done], _ = ray.wait(list(pending), num_returns=1)
            actor, batch = pending.pop(done)
            out = _get(done)
            for i, text in zip(batch, out):
                results[i] = text
            if on_batch is not None:
                on_batch(batch, out, sum(len(tokens[i]) for i in batch))
            submit(actor)
        return results

    def close(self) -> None:
        """Free the actors (their engines)."""
        for actor in self.actors:
            ray.kill(actor)
        self.actors, self.package, self.tokenizer = [], None, None


def _get(refs: Any) -> Any:
    """``ray.get``, a stage's own error raised as itself (one line), an actor lost for good a ModelError."""
    try:
        return ray.get(refs)
    except ray.exceptions.RayTaskError as e:
        if isinstance(e.cause, BacktransError):
            raise e.cause from None
        raise
    except ray.exceptions.RayActorError as e:
        cause = getattr(e, "cause", None) or getattr(getattr(e, "error_msg", None), "cause", None)
        if isinstance(cause, BacktransError):
            raise cause from None
        raise ModelError(f"a translator actor died {MAX_RESTARTS + 1} times: {str(e).splitlines()[0]}") from None
