"""`backtrans align ...` and `backtrans score ...`: thin layers over ``align``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from translate.atomic import atomic_write_bytes
from translate.cli import app
from translate.errors import BacktransError


class AlignFormat(str, Enum):
    tsv = "tsv"
    tmx = "tmx"
    json = "json"


@app.command("align")
def align_command(
    source: Path = typer.Argument(..., help="Source document (plain text)."),
    target: Path = typer.Argument(..., help="Its translation (plain text)."),
    src_lang: str = typer.Option(..., "--src-lang", help="Language code of SOURCE."),
    tgt_lang: str = typer.Option(..., "--tgt-lang", help="Language code of TARGET."),
    fmt: AlignFormat = typer.Option(AlignFormat.tsv, "--format", help="tsv, tmx (1.4b) or json."),
    lines: bool = typer.Option(False, "--lines", help="Each input line is one sentence (ids are line numbers); else paragraphs are split by translate.segment (ids are sentence numbers)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
) -> None:
    """Align the sentences of SOURCE and TARGET and write the aligned pairs."""
    from align.documents import align_documents, read_sentences
    from align.export import to_json, to_tmx, to_tsv

    for p in (source, target):
        if p.is_dir():
            raise BacktransError("folders are not supported yet: give two files", p)
    aligned = align_documents(
        read_sentences(source, src_lang, lines), read_sentences(target, tgt_lang, lines)
    )
    if fmt is AlignFormat.tmx:
        data = to_tmx(aligned)
    else:
        data = (to_json(aligned) if fmt is AlignFormat.json else to_tsv(aligned)).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write_bytes(output, data)


class ScoreFormat(str, Enum):
    text = "text"
    json = "json"


def _lines_of(path: Path) -> list[str]:
    from translate.documents import read_text

    return read_text(path).splitlines()


@app.command("score")
def score_command(
    hyp: Path = typer.Argument(..., help="Hypothesis: a text file (one segment a line) or a folder."),
    ref: Path = typer.Option(..., "--ref", help="Reference: file or folder (files paired by name)."),
    src: Path | None = typer.Option(None, "--src", help="Source, line-parallel (for term metrics)."),
    lang: str = typer.Option(..., "--lang", help="Language of HYP and REF."),
    glossary: Path | None = typer.Option(None, "--glossary", help="Glossary for term metrics."),
    fmt: ScoreFormat = typer.Option(ScoreFormat.text, "--format", help="text or json."),
) -> None:
    """BLEU, chrF and TER (sacrebleu, with signatures), per document and for the corpus."""
    import json
    from dataclasses import asdict

    from align.score import score_documents

    if glossary is not None:
        raise BacktransError("terminology metrics are not wired to the recogniser yet", glossary)
    if hyp.is_dir() != ref.is_dir():
        raise BacktransError("HYP and --ref must both be files or both be folders", ref)
    pairs = (
        [(p, ref / p.name) for p in sorted(hyp.iterdir()) if p.is_file()] if hyp.is_dir() else [(hyp, ref)]
    )
    docs = []
    for h, r in pairs:
        hl, rl = _lines_of(h), _lines_of(r)
        if len(hl) != len(rl):
            raise BacktransError(f"{len(hl)} lines but the reference has {len(rl)}", h)
        if src is not None and not src.is_dir() and len(_lines_of(src)) != len(hl):
            raise BacktransError(f"source has a different number of lines than {h}", src)
        docs.append((h.name, hl, rl))
    results = score_documents(docs, lang)
    if fmt is ScoreFormat.json:
        print(json.dumps([asdict(d) for d in results], ensure_ascii=False, indent=1))
        return
    for d in results:
        print(f"{d.name} ({d.segments} segments)")
        for s in d.scores:
            print(f"  {s.metric:<6} {s.value:7.2f}  {s.signature}")
