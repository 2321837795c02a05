"""``RayBackend``: a run's per-document stages in Ray tasks, its translation in an actor pool.

The stage functions are the pipeline's own (``translate.pipeline.run`` hands them over);
each task maps one over a chunk of documents and returns the results to the driver. A
stage's arguments that every task shares (the glossary) go to the object store once and are
unpickled once per worker process. Inputs and models are read by path: on a cluster every
node sees them at the same path (a shared folder); outputs and the journal are the driver's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

import ray

from translate.distributed.pool import ActorPool, _get
from translate.engine import EngineSettings
from translate.errors import UsageError
from translate.pipeline.backend import Backend

T = TypeVar("T")
R = TypeVar("R")

TASKS_PER_CPU = 4  # chunks per CPU of the cluster: small enough to balance, large enough to amortise
_FUNCTIONS: dict[str, Any] = {}  # in a worker: the stage functions it has unpickled, by object id


@ray.remote(max_retries=3)
def _map_chunk(function: list, chunk: list) -> list:
    """The stage function (in a list: Ray passes the reference, not the value) over ``chunk``."""
    [ref] = function
    key = ref.hex()
    if key not in _FUNCTIONS:
        _FUNCTIONS.clear()  # one stage at a time: the one before is not needed again
        _FUNCTIONS[key] = ray.get(ref)
    fn = _FUNCTIONS[key]
    return [fn(item) for item in chunk]


class RayBackend(Backend):
    """A run on the Ray this process is connected to (``translate.distributed.ray_cluster``).

    ``actors`` translators per package (0: one per ``threads`` CPUs of the cluster, or one per
    GPU on the GPU device), each of ``threads`` CPU threads.
    """

    def __init__(self, actors: int = 0, threads: int = 1) -> None:
        self.actors = actors
        self.threads = max(1, threads)
        self.pool: ActorPool | None = None  # the pool of the run in progress (tests reach its actors)

    def resolve(self, settings: EngineSettings) -> EngineSettings:
        """``auto`` is cuda when the cluster has a GPU (not this machine: the workers translate).
        Refused now, before any work: cuda on a cluster without a GPU, more ``actors`` than the
        cluster has room for (the actors beyond would wait for room for ever, their batches too)."""
        gpus = int(ray.cluster_resources().get("GPU", 0))
        if settings.device == "cuda" and not gpus:
            raise UsageError("--device cuda: the Ray cluster has no GPU (ray start --num-gpus N on a GPU node)")
        settings = replace(settings, device="cuda" if settings.device == "cuda" or settings.device == "auto" and gpus
                           else "cpu")
        room = self._room(settings)
        if self.actors > room:
            unit = "GPU" if settings.device == "cuda" else "CPU" if self.threads == 1 else f"{self.threads} CPUs"
            raise UsageError(f"--actors {self.actors}: the Ray cluster has room for {room} (one per {unit})")
        return settings

    def _room(self, settings: EngineSettings) -> int:
        """How many actors the cluster holds at once: one per GPU, or per ``threads`` CPUs."""
        resources = ray.cluster_resources()
        if settings.device == "cuda":
            return int(resources.get("GPU", 0))
        return int(resources.get("CPU", 1)) // self.threads

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if not items:
            return []
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        size = math.ceil(len(items) / (cpus * TASKS_PER_CPU))
        ref = ray.put(fn)
        chunks = [_map_chunk.remote([ref], list(items[at:at + size])) for at in range(0, len(items), size)]
        return [result for chunk in _get(chunks) for result in chunk]

    def engines(self, settings: EngineSettings) -> ActorPool:
        self.pool = ActorPool(settings, self.actors or max(1, self._room(settings)), self.threads)
        return self.pool
