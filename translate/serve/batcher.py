"""Request batching: the sentences of concurrent requests for one model, translated in one engine call.

Request threads call :meth:`Batcher.translate` and wait; one worker thread takes whatever is
waiting (after a short ``window``, so requests arriving within a few milliseconds share the
batch), groups it by model package, translates each package's distinct sentences in one
``Engine.translate`` call (which sorts them by length and cuts token batches for CTranslate2's
workers) and hands each request its own. The queue is bounded in sentences: past
``max_pending`` a request is refused at once (:class:`Busy`) rather than left to time out.
Each package gets its own :class:`translate.engine.Engines` lifecycle, so alternating requests
for two pairs do not reload a model each time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass

from translate.engine import Engines, EngineSettings, ModelPackage

DEFAULT_WINDOW = 0.005  # seconds the worker waits for more requests once one arrives
DEFAULT_MAX_PENDING = 4096  # sentences waiting, beyond which requests are refused


class Busy(Exception):
    """The queue is full: the request is refused (503), not queued."""


class Closed(Exception):
    """The batcher is shutting down and takes no new work."""


@dataclass
class _Item:
    package: ModelPackage
    texts: list[str]
    future: Future[list[str]]


@dataclass
class Stats:
    """What the batcher did: engine calls, requests and sentences they held, source tokens."""

    batches: int = 0
    requests: int = 0
    sentences: int = 0
    tokens: int = 0
    pending: int = 0  # sentences waiting now
    largest: int = 0  # most requests one batch held


class Batcher:
    """One worker thread translating the requests that wait, together; a context manager."""

    def __init__(self, settings: EngineSettings = EngineSettings(), *, window: float = DEFAULT_WINDOW,
                 max_pending: int = DEFAULT_MAX_PENDING, start: bool = True) -> None:
        self.settings = settings
        self.window = window
        self.max_pending = max_pending
        self.stats = Stats()
        self._engines: dict[str, Engines] = {}
        self._queue: list[_Item] = []
        self._cond = threading.Condition()
        self._closing = False
        self._thread: threading.Thread | None = None
        if start:
            self.start()

    def start(self) -> None:
        """Start the worker (a batcher made with ``start=False`` queues requests until then)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="backtrans-batcher", daemon=True)
            self._thread.start()

    def submit(self, package: ModelPackage, texts: Sequence[str]) -> Future[list[str]]:
        """Queue ``texts`` for ``package``; the future gives their translations in order."""
        future: Future[list[str]] = Future()
        if not texts:
            future.set_result([])
            return future
        with self._cond:
            if self._closing:
                raise Closed("the server is shutting down")
            if self.stats.pending + len(texts) > self.max_pending and self.stats.pending:
                raise Busy(f"{self.stats.pending} sentences are waiting to be translated; try again shortly")
            self._queue.append(_Item(package, list(texts), future))
            self.stats.pending += len(texts)
            self._cond.notify()
        return future

    def translate(self, package: ModelPackage, texts: Sequence[str]) -> list[str]:
        """``texts`` translated by ``package``, in a batch with whatever else is waiting."""
        return self.submit(package, texts).result()

    def close(self) -> None:
        """Translate what is queued, then stop the worker and free the engines."""
        with self._cond:
            self._closing = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()
        for engines in self._engines.values():
            engines.close()
        self._engines.clear()

    def __enter__(self) -> Batcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closing:
                    self._cond.wait()
                if not self._queue:
                    return
            if self.window > 0 and not self._closing:
                time.sleep(self.window)  # let the requests arriving now join this batch
            with self._cond:
                items, self._queue = self._queue, []
            self._run(items)

    def _run(self, items: list[_Item]) -> None:
        """Each package's distinct sentences of ``items`` in one engine call; each item answered."""
        by_package: dict[ModelPackage, list[_Item]] = {}
        for item in items:
            by_package.setdefault(item.package, []).append(item)
        for package, group in by_package.items():
            unique = list(dict.fromkeys(t for item in group for t in item.texts))
            tokens = 0

            def count(batch: list[int], out: list[str], n_tokens: int) -> None:
                nonlocal tokens
                tokens += n_tokens

            try:
                engines = self._engines.setdefault(str(package.path), Engines(self.settings))
                done = dict(zip(unique, engines.translate(package, unique, on_batch=count)))
            except Exception as e:  # noqa: BLE001 - handed to the requests waiting, which report it
                for item in group:
                    item.future.set_exception(e)
            else:
                for item in group:
                    item.future.set_result([done[t] for t in item.texts])
            with self._cond:
                stats = self.stats
                stats.batches += 1
                stats.requests += len(group)
                stats.sentences += len(unique)
                stats.tokens += tokens
                stats.pending -= sum(len(item.texts) for item in group)
                stats.largest = max(stats.largest, len(group))
