"""`backtrans translate ...`: batch back-translation with progress and resume."""

from __future__ import annotations

import time
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from translate.cli import (
    AddressOpt,
    EngineKind,
    EngineOpt,
    NoDiscoverOpt,
    NoGazetteerOpt,
    app,
    resolve_backend,
    resolve_glossary,
)
from translate.engine import DEFAULT_BATCH_TOKENS, DEFAULT_BEAM, EngineSettings
from translate.engine.packages import test_model_notice
from translate.engine.translator import GPU_BATCH_TOKENS
from translate.pipeline import run as batch


class Device(str, Enum):
    """What the models run on (as Argos' ARGOS_DEVICE_TYPE)."""

    cpu = "cpu"
    cuda = "cuda"
    auto = "auto"


class RichProgress(batch.Progress):
    """Draws a run on stderr: sentences, documents written, tokens per second."""

    def __init__(self, progress: Progress) -> None:
        self.bar = progress
        self.task = progress.add_task("translating", total=None, docs="0/?", rate="")
        self.tokens = 0
        self.docs_total = 0
        self.docs_written = 0

    def plan(self, documents: int, sentences: int) -> None:
        self.docs_total = documents
        self.bar.update(self.task, total=sentences, docs=f"0/{documents}")

    def advance(self, sentences: int, tokens: int) -> None:
        self.tokens += tokens
        elapsed = self.bar.tasks[self.task].elapsed or 0
        rate = f"{self.tokens / elapsed:,.0f} tok/s" if elapsed and self.tokens else ""
        self.bar.update(self.task, advance=sentences, rate=rate)

    def document_written(self, path: Path) -> None:
        self.docs_written += 1
        self.bar.update(self.task, description="writing", docs=f"{self.docs_written} outputs")


class LineProgress(batch.Progress):
    """A run for a log (stderr is not a terminal): a plain line every ``every`` seconds."""

    def __init__(self, console: Console, every: float = 10.0) -> None:
        self.console, self.every = console, every
        self.started = self.last = time.monotonic()
        self.total = self.done = self.tokens = 0

    def plan(self, documents: int, sentences: int) -> None:
        self.total = sentences
        self.console.print(f"translating {documents} documents: {sentences} sentence translations to do")

    def advance(self, sentences: int, tokens: int) -> None:
        self.done += sentences
        self.tokens += tokens
        now = time.monotonic()
        if now - self.last >= self.every and self.total:
            self.last = now
            elapsed = now - self.started
            eta = elapsed / self.done * (self.total - self.done) if self.done else 0.0
            self.console.print(f"translated {self.done}/{self.total} ({self.done / self.total:.0%}), "
                               f"{self.tokens / elapsed:,.0f} tokens/s, about {eta:,.0f} s left")


@app.command("translate")
def translate(
    inputs: list[str] = typer.Argument(..., help="Text files, folders (their *.txt) or glob patterns."),
    to: str = typer.Option("en,vi", "--to", help="Target languages, comma-separated."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    source_lang: Optional[str] = typer.Option(None, "--from", help="Source language (default: detected per document)."),
    beam: int = typer.Option(DEFAULT_BEAM, "--beam", min=1, help="Beam size."),
    batch_tokens: Optional[int] = typer.Option(
        None, "--batch-tokens", min=1,
        help=f"Source tokens per batch (default {DEFAULT_BATCH_TOKENS}, {GPU_BATCH_TOKENS} with --device cuda)."),
    threads: int = typer.Option(0, "--threads", min=0,
                                help="CPU threads in all (0: all cores); with --engine ray, of each actor (0: 1)."),
    workers: int = typer.Option(0, "--workers", min=0, help="Batches translated at once (0: one per core, up to 4)."),
    resume: bool = typer.Option(True, "--resume/--fresh", help="Reuse sentences finished by an interrupted run."),
    allow_empty: bool = typer.Option(False, "--allow-empty", help="Nothing to translate (no file, no sentence) is not an error."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    glossary_path: Optional[Path] = typer.Option(
        None, "--glossary", help="Glossary to enforce (default: $BACKTRANS_GLOSSARY, else the shipped one)."),
    no_glossary: bool = typer.Option(False, "--no-glossary", help="Translate without enforcing a glossary."),
    no_gazetteer: bool = NoGazetteerOpt,
    no_discover: bool = NoDiscoverOpt,
    strict: bool = typer.Option(False, "--strict", help="Exit with status 1 when a segment fails glossary verification, or a document does not read as --from."),
    engine: EngineKind = EngineOpt,
    address: Optional[str] = AddressOpt,
    actors: int = typer.Option(0, "--actors", min=0, help="With --engine ray: translators per model (0: one per CPU, or per GPU)."),
    device: Device = typer.Option(Device.cpu, "--device", envvar="ARGOS_DEVICE_TYPE", help="cpu, cuda or auto (cuda when there is a GPU)."),
) -> None:
    """Back-translate documents into each target language.

    For each document and target language it writes DOC.LANG.txt (the translation, one
    line per source line) and DOC.LANG.jsonl (one record per sentence). Pairs with no
    installed model go through English (uk→vi = uk→en→vi). A run that is interrupted or
    killed resumes where it stopped when run again. Every glossary concept recognised in a
    sentence is written in its canonical form and verified (see the "glossary" field), and so
    is every Vietnamese personal name no glossary holds, read back into Vietnamese
    ("Фам Мінь Туан" → "Pham Minh Tuan"; one form per person over the run).
    """
    targets = [t.strip() for t in to.split(",") if t.strip()]
    glossary = resolve_glossary(glossary_path, no_glossary, no_gazetteer)
    backend, cluster = resolve_backend(engine, address, actors, threads or 1)
    if batch_tokens is None:
        batch_tokens = GPU_BATCH_TOKENS if device is Device.cuda else DEFAULT_BATCH_TOKENS
    settings = EngineSettings(beam_size=beam, batch_tokens=batch_tokens, threads=threads, workers=workers,
                              device=device.value)
    console = Console(stderr=True, soft_wrap=True)  # summaries unbroken in logs and pipes
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("sentence translations"),
               TextColumn("{task.fields[docs]}"), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
               TextColumn("left"), TimeRemainingColumn())
    with cluster, Progress(*columns, console=console, disable=quiet or not console.is_terminal,
                           transient=False) as bar:
        progress: batch.Progress = RichProgress(bar) if console.is_terminal else \
            batch.Progress() if quiet else LineProgress(console)
        try:
            summary = batch.translate_documents(inputs, targets, out, source_lang=source_lang, settings=settings,
                                                resume=resume, progress=progress, glossary=glossary,
                                                discover=not no_discover, backend=backend, allow_empty=allow_empty)
        except KeyboardInterrupt:
            console.print("interrupted: finished sentences are saved; run the same command again to resume")
            raise typer.Exit(130) from None
    console.print(
        f"{summary.documents} documents, {summary.sentences} sentences → {len(targets)} languages: "
        f"{summary.planned} sentence translations (sentences × hops: uk→vi is uk→en→vi), "
        f"{summary.translated} by a model, {summary.reused} from the journal of an earlier run, the rest shared "
        f"between languages or repeated; {summary.tokens_per_second:,.0f} tokens/s; outputs in {out}/"
    )
    for warning in summary.warnings:
        console.print(f"warning: {warning}", soft_wrap=True)
    notice = test_model_notice(summary.models)
    if notice:
        console.print(notice, soft_wrap=True)
    if glossary is not None:
        repaired = ", ".join(f"{n} by {s}" for s, n in sorted(summary.repaired.items())) or "none"
        console.print(f"glossary {glossary.path.name if glossary.path else ''}: {summary.checked} segments verified, "
                      f"{summary.failed} failed; repaired: {repaired}")
    if strict and (summary.failed or summary.warnings):
        raise typer.Exit(1)
