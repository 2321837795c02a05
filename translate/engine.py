"""The translation engine: an Argos package's SentencePiece model and CTranslate2 translator.

CTranslate2 is called directly (not through argostranslate's ``translate()``): sentences
from all documents are tokenised, sorted by length and sent in large token batches, which
is what makes a batch run many times faster than Argos' one-call-per-paragraph defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Sequence

import ctranslate2
import sentencepiece as spm

from translate.errors import BacktransError
from translate.packages import ModelPackage

DEFAULT_BEAM = 4
DEFAULT_BATCH_TOKENS = 4096


@dataclass(frozen=True)
class EngineSettings:
    """How CTranslate2 runs: beam size, batch size in tokens, threads, compute type."""

    beam_size: int = DEFAULT_BEAM
    batch_tokens: int = DEFAULT_BATCH_TOKENS
    threads: int = 0  # 0: every core of the machine
    compute_type: str = "auto"
    max_decoding_length: int = 512

    @property
    def intra_threads(self) -> int:
        return self.threads or os.cpu_count() or 1


class Engine:
    """One loaded model package, ready to translate lists of sentences."""

    def __init__(self, package: ModelPackage, settings: EngineSettings = EngineSettings()) -> None:
        self.package = package
        self.settings = settings
        try:
            self.translator = ctranslate2.Translator(
                str(package.model_dir),
                device="cpu",
                compute_type=settings.compute_type,
                inter_threads=1,
                intra_threads=settings.intra_threads,
            )
        except (RuntimeError, ValueError) as e:
            raise BacktransError(f"cannot load the model: {e}", package.model_dir) from None
        if package.tokenizer_path.name != "sentencepiece.model":
            raise BacktransError("BPE (bpe.model) packages are not supported; use a SentencePiece package", package.path)
        try:
            self.sp = spm.SentencePieceProcessor(model_file=str(package.tokenizer_path))
        except (RuntimeError, OSError) as e:
            raise BacktransError(f"cannot load the SentencePiece model: {e}", package.tokenizer_path) from None

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
        ``settings.batch_tokens`` source tokens, so padding stays small.
        """
        tokens = self.encode(sentences)
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        results: list[str] = [""] * len(tokens)
        for batch in _batches(order, tokens, self.settings.batch_tokens):
            out = self._translate_tokens([tokens[i] for i in batch])
            texts = [self.decode(pieces) for pieces in out]
            for i, text in zip(batch, texts):
                results[i] = text
            if on_batch is not None:
                on_batch(batch, texts, sum(len(tokens[i]) for i in batch))
        return results

    def _translate_tokens(self, batch: list[list[str]]) -> list[list[str]]:
        prefix = self.package.target_prefix
        out = self.translator.translate_batch(
            batch,
            beam_size=self.settings.beam_size,
            max_batch_size=0,
            max_decoding_length=self.settings.max_decoding_length,
            replace_unknowns=True,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
        )
        return [r.hypotheses[0] for r in out]


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
