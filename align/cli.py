"""`backtrans align ...` and `backtrans score ...`: thin layers over ``align``, plugged into the
``backtrans`` command through the ``backtrans.cli`` entry point (see ``translate.plugins``)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from enum import Enum
from pathlib import Path
from typing import List

import typer

from align.export import AlignFormat
from translate.cli import (
    AddressOpt,
    EngineKind,
    EngineOpt,
    NoGazetteerOpt,
    resolve_backend,
    resolve_glossary,
)
from translate.errors import UsageError
from translate.files import write_output
from translate.langs import require_language


def align_command(
    source: Path = typer.Argument(..., help="Source document (plain text), or a folder of them."),
    target: Path = typer.Argument(..., help="Its translation (plain text), or a folder: documents pair by name (report.txt ~ report.en.txt)."),
    src_lang: str = typer.Option(..., "--src-lang", help="Language code of SOURCE."),
    tgt_lang: str = typer.Option(..., "--tgt-lang", help="Language code of TARGET."),
    fmt: AlignFormat = typer.Option(AlignFormat.tsv, "--format", help="tsv, tmx (1.4b) or json; with a glossary each carries the aligned terms (tsv: a sixth column; tmx: <hi type=\"term\"> marks; json: spans)."),
    lines: bool = typer.Option(False, "--lines", help="Each input line is one sentence (ids are line numbers); else paragraphs are split by translate.pipeline.segment (ids are sentence numbers)."),
    glossary: Path | None = typer.Option(None, "--glossary", help="Glossary for concept anchors and term alignment (default: the shipped one)."),
    no_glossary: bool = typer.Option(False, "--no-glossary", help="No concept anchors, no term alignment."),
    no_gazetteer: bool = NoGazetteerOpt,
    translate: bool | None = typer.Option(None, "--translate/--no-translate", help="Score beads by translating the source (default: when a model route SRC→TGT is installed)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of stdout; a folder when aligning folders."),
    engine: EngineKind = EngineOpt,
    address: str | None = AddressOpt,
) -> None:
    """Align the sentences of SOURCE and TARGET and write the aligned pairs.

    Folders are aligned together: the word-pair lexicon of the second pass is learnt from all
    their documents (more text, better alignments), and one file per pair is written.
    """
    from align.documents import align_files
    from align.export import render

    if source.is_dir() and output is None:
        raise UsageError("aligning folders writes one file per pair: give -o FOLDER", source)
    if source.is_dir() and output is not None and output.exists() and not output.is_dir():
        raise UsageError("not a folder", output)
    gloss = resolve_glossary(glossary, no_glossary, no_gazetteer)
    src_lang = require_language(src_lang, option="--src-lang", any_language=True)
    tgt_lang = require_language(tgt_lang, option="--tgt-lang", any_language=True)
    backend, cluster = resolve_backend(engine, address)
    if not source.is_dir():
        with cluster:
            [aligned] = align_files(source, target, src_lang, tgt_lang, lines=lines, glossary=gloss,
                                    translate=translate, backend=backend).aligned
        write_output(render(aligned, fmt), output)
        return
    from rich.console import Console

    console = Console(stderr=True, soft_wrap=True, highlight=False)
    title = "aligning the folders' document pairs (one lexicon for all)"
    shown: AbstractContextManager[object] = nullcontext()
    show: Callable[[str], None] = console.print
    every = 10.0  # a log: a plain line every 10 s
    if console.is_terminal:
        status = shown = console.status(title)
        show, every = (lambda m: status.update(f"{title}: {m}")), 0.0
    with cluster, shown:
        run = align_files(source, target, src_lang, tgt_lang, lines=lines, glossary=gloss, translate=translate,
                          backend=backend, progress=_second_pass_progress(show, every))
    for p in run.unpaired:
        print(f"backtrans: warning: {p}: no document of the same name in the other folder", file=sys.stderr)
    assert output is not None
    for pair, aligned in zip(run.pairs, run.aligned):
        write_output(render(aligned, fmt), output / f"{pair.key}.{fmt.value}")
        print(output / f"{pair.key}.{fmt.value}", file=sys.stderr)


def _second_pass_progress(show: Callable[[str], None], every: float) -> Callable[[int, int], None]:
    """Shows "second pass: done/total documents, about N s left" at most every ``every`` seconds,
    and when the last document is done."""
    started = last = time.monotonic()

    def tick(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last < every and done < total:
            return
        last = now
        left = (now - started) / done * (total - done)
        show(f"second pass: {done}/{total} documents" + (f", about {left:,.0f} s left" if done < total else ""))

    return tick


class ScoreFormat(str, Enum):
    text = "text"
    json = "json"


def score_command(
    hyp: str = typer.Argument(..., help="Hypothesis: a text file (one segment a line; '-': standard input), a TMX/XLIFF file (its targets; its sources serve as --src), or a folder."),
    refs: List[Path] = typer.Option(..., "--ref", help="Reference: text or TMX/XLIFF (its targets), file or folder (files paired by name); repeat it for several references (the first gives the terms)."),
    src: Path | None = typer.Option(None, "--src", help="Source, segment-parallel: its concepts are the terms to find."),
    lang: str = typer.Option(..., "--lang", help="Language of HYP and REF."),
    src_lang: str | None = typer.Option(None, "--src-lang", help="Language of --src (required with it)."),
    glossary: Path | None = typer.Option(None, "--glossary", help="Glossary for term metrics (default: the shipped one)."),
    no_glossary: bool = typer.Option(False, "--no-glossary", help="No term metrics."),
    no_gazetteer: bool = NoGazetteerOpt,
    compare: List[Path] = typer.Option([], "--compare", help="Another system's output (as HYP), tested against HYP, the baseline; repeatable."),
    paired_bs: bool = typer.Option(False, "--paired-bs", help="With --compare: sacrebleu's paired bootstrap resampling (1,000 samples; the default)."),
    paired_ar: bool = typer.Option(False, "--paired-ar", help="With --compare: sacrebleu's paired approximate randomisation (10,000 trials)."),
    fmt: ScoreFormat = typer.Option(ScoreFormat.text, "--format", help="text, or json: an array of documents (with --compare, an object of documents and comparisons)."),
) -> None:
    """BLEU, chrF and TER (sacrebleu, with signatures), terminology accuracy (WMT21) and consistency (WMT23);
    with --compare, paired significance tests of other systems against HYP."""
    import json
    from dataclasses import asdict

    from align.score import score_files

    if paired_bs and paired_ar:
        raise UsageError("choose one of --paired-bs and --paired-ar")
    if (paired_bs or paired_ar) and not compare:
        raise UsageError("--paired-bs and --paired-ar compare systems: give --compare OTHER")
    lang = require_language(lang, any_language=True)
    src_lang = require_language(src_lang, option="--src-lang", any_language=True) if src_lang else None
    run = score_files(hyp, refs, lang, src=src, src_lang=src_lang,
                      glossary=resolve_glossary(glossary, no_glossary, no_gazetteer),
                      compare=compare, test="ar" if paired_ar else "bs")
    if fmt is ScoreFormat.json:
        documents = [asdict(d) for d in run.documents]
        if run.comparisons:
            print(json.dumps({"documents": documents, "comparisons": [asdict(c) for c in run.comparisons]},
                             ensure_ascii=False, indent=1))
        else:
            print(json.dumps(documents, ensure_ascii=False, indent=1))
    else:
        print(run.to_text(), end="")


def register(app: typer.Typer) -> None:
    """Add ``align`` and ``score`` to the ``backtrans`` command."""
    app.command("align")(align_command)
    app.command("score")(score_command)
