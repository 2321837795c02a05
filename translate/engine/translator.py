"""The translation engine: an Argos package's SentencePiece model and CTranslate2 translator.

CTranslate2 is called directly (not through argostranslate's ``translate()``): sentences
from all documents are tokenised, sorted by length and sent in large token batches, which
is what makes a batch run many times faster than Argos' one-call-per-paragraph defaults.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from typing import Callable, Sequence

import ctranslate2
import sentencepiece as spm

from translate.engine.packages import ModelPackage
from translate.errors import ModelError, UsageError

DEFAULT_BEAM = 4
DEFAULT_BATCH_TOKENS = 512
MAX_AUTO_WORKERS = 4
# Bounds of the settings: a beam or a batch beyond these exhausts memory (mkl_malloc fails), and
# thousands of threads fail to start (libgomp), each after the model has loaded.
MAX_BEAM = 64
MAX_BATCH_TOKENS = 65536
MAX_THREADS = 256
DEVICES = ("cpu", "cuda", "auto")  # as Argos' ARGOS_DEVICE_TYPE
GPU_BATCH_TOKENS = 4096  # a GPU batches larger: the default --batch-tokens there


@dataclass(frozen=True)
class EngineSettings:
    """How CTranslate2 runs: beam size, batch size in tokens, threads, compute type.

    ``workers`` batches run at once (CTranslate2's inter_threads), each on
    ``threads // workers`` cores (intra_threads). Measured on 2 cores with a Transformer-base
    model (scripts/bench_translate.py): one single-threaded worker per core with small
    batches beats one two-threaded worker with large batches by about 2x, hence the defaults.
    """

    beam_size: int = DEFAULT_BEAM
    batch_tokens: int = DEFAULT_BATCH_TOKENS
    threads: int = 0  # 0: every core of the machine
    workers: int = 0  # 0: one per core, at most MAX_AUTO_WORKERS
    compute_type: str = "auto"
    max_decoding_length: int = 512
    device: str = "cpu"  # cpu, cuda or auto (cuda when CTranslate2 sees a GPU)

    def __post_init__(self) -> None:
        """Values no machine can run are a UsageError naming the option, before any model loads."""
        for option, value, low, high in (("--beam", self.beam_size, 1, MAX_BEAM),
                                         ("--batch-tokens", self.batch_tokens, 1, MAX_BATCH_TOKENS),
                                         ("--threads", self.threads, 0, MAX_THREADS),
                                         ("--workers", self.workers, 0, MAX_THREADS)):
            if not low <= value <= high:
                raise UsageError(f"{option} {value}: expected {low} to {high}")
        if self.device not in DEVICES:
            raise UsageError(f"--device {self.device}: expected one of {', '.join(DEVICES)}")

    @property
    def resolved_device(self) -> str:
        """``cpu`` or ``cuda``: ``auto`` is cuda when CTranslate2 sees a GPU."""
        if self.device == "auto":
            return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        return self.device

    @property
    def total_threads(self) -> int:
        return self.threads or os.cpu_count() or 1

    @property
    def inter_threads(self) -> int:
        if self.device == "cuda" and not self.workers:
            return 1  # one replica of the model on the GPU, which batches larger (GPU_BATCH_TOKENS)
        workers = self.workers or min(self.total_threads, MAX_AUTO_WORKERS)
        return max(1, min(workers, self.total_threads))

    @property
    def intra_threads(self) -> int:
        return max(1, self.total_threads // self.inter_threads)


class Engine:
    """One loaded model package, ready to translate lists of sentences."""

    def __init__(self, package: ModelPackage, settings: EngineSettings = EngineSettings()) -> None:
        self.package = package
        self.settings = settings
        try:
            self.translator = ctranslate2.Translator(
                str(package.model_dir),
                device=settings.resolved_device,
                compute_type=settings.compute_type,
                inter_threads=settings.inter_threads,
                intra_threads=settings.intra_threads,
            )
        except (RuntimeError, ValueError) as e:
            raise ModelError(f"cannot load the model: {e}", package.model_dir) from None
        self.sp = load_tokenizer(package)

    def encode(self, sentences: Sequence[str]) -> list[list[str]]:
        """SentencePiece pieces of each sentence."""
        return self.sp.encode(list(sentences), out_type=str)

    def decode(self, pieces: list[str]) -> str:
        text = self.sp.decode_pieces(pieces)
        prefix = self.package.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
        return text.strip()

    def translate(
        self,
        sentences: Sequence[str],
        on_batch: Callable[[list[int], list[str], int], None] | None = None,
    ) -> list[str]:
        """Translate ``sentences``; ``on_batch(indices, translations, n_tokens)`` after each batch.

        Sentences are sorted by length and cut into batches of about
        ``settings.batch_tokens`` source tokens, so padding stays small; up to
        ``settings.workers`` batches are in flight at once and finish in order.
        """
        tokens = self.encode(sentences)
        results: list[str] = [""] * len(tokens)
        in_flight: deque = deque()

        def finish() -> None:
            batch, pending = in_flight.popleft()
            texts = [self.decode(r.result().hypotheses[0]) for r in pending]
            for i, text in zip(batch, texts):
                results[i] = text
            if on_batch is not None:
                on_batch(batch, texts, sum(len(tokens[i]) for i in batch))

        for batch in plan_batches(tokens, self.settings.batch_tokens):
            in_flight.append((batch, self._submit([tokens[i] for i in batch])))
            if len(in_flight) > self.settings.inter_threads:
                finish()
        while in_flight:
            finish()
        return results

    def translate_tokens(self, batch: list[list[str]]) -> list[str]:
        """One batch of SentencePiece pieces translated as one CTranslate2 batch (a batch
        :func:`plan_batches` cut: what a Ray actor runs, the batches the same as here)."""
        return [self.decode(r.result().hypotheses[0]) for r in self._submit(batch)]

    def _submit(self, batch: list[list[str]]) -> list:
        """Queue one batch on CTranslate2's workers; the results are awaited in ``translate``."""
        prefix = self.package.target_prefix
        return self.translator.translate_batch(
            batch,
            beam_size=self.settings.beam_size,
            max_batch_size=0,
            max_decoding_length=self.settings.max_decoding_length,
            replace_unknowns=True,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            asynchronous=True,
        )


def load_tokenizer(package: ModelPackage) -> spm.SentencePieceProcessor:
    """The SentencePiece model of ``package`` (BPE packages are refused)."""
    if package.tokenizer_path.name != "sentencepiece.model":
        raise ModelError("BPE (bpe.model) packages are not supported; use a SentencePiece package", package.path)
    try:
        return spm.SentencePieceProcessor(model_file=str(package.tokenizer_path))
    except (RuntimeError, OSError) as e:
        raise ModelError(f"cannot load the SentencePiece model: {e}", package.tokenizer_path) from None


def plan_batches(tokens: list[list[str]], batch_tokens: int) -> list[list[int]]:
    """The batches of a translation: sentence indices sorted by length, cut into runs of about
    ``batch_tokens`` padded tokens (so padding stays small)."""
    order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
    return _batches(order, tokens, batch_tokens)


def _batches(order: list[int], tokens: list[list[str]], batch_tokens: int) -> list[list[int]]:
    """Consecutive runs of ``order`` whose padded size stays within ``batch_tokens``."""
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = max(len(tokens[i]), 1)  # sorted ascending: the newest is the longest
        if current and longest * (len(current) + 1) > batch_tokens:
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches
