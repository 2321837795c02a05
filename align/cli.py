"""`backtrans align ...` and `backtrans score ...`: thin layers over ``align``, plugged into the
``backtrans`` command through the ``backtrans.cli`` entry point (see ``translate.plugins``)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from translate.cli import resolve_glossary
from translate.errors import UsageError
from translate.files import write_output


class AlignFormat(str, Enum):
    tsv = "tsv"
    tmx = "tmx"
    json = "json"


def align_command(
    source: Path = typer.Argument(..., help="Source document (plain text), or a folder of them."),
    target: Path = typer.Argument(..., help="Its translation (plain text), or a folder: documents pair by name (report.txt ~ report.en.txt)."),
    src_lang: str = typer.Option(..., "--src-lang", help="Language code of SOURCE."),
    tgt_lang: str = typer.Option(..., "--tgt-lang", help="Language code of TARGET."),
    fmt: AlignFormat = typer.Option(AlignFormat.tsv, "--format", help="tsv, tmx (1.4b) or json; with a glossary each carries the aligned terms (tsv: a sixth column; tmx: <hi type=\"term\"> marks; json: spans)."),
    lines: bool = typer.Option(False, "--lines", help="Each input line is one sentence (ids are line numbers); else paragraphs are split by translate.pipeline.segment (ids are sentence numbers)."),
    glossary: Path | None = typer.Option(None, "--glossary", help="Glossary for concept anchors and term alignment (default: the shipped one)."),
    no_glossary: bool = typer.Option(False, "--no-glossary", help="No concept anchors, no term alignment."),
    translate: bool | None = typer.Option(None, "--translate/--no-translate", help="Score beads by translating the source (default: when a model route SRC→TGT is installed)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of stdout; a folder when aligning folders."),
) -> None:
    """Align the sentences of SOURCE and TARGET and write the aligned pairs.

    Folders are aligned together: the word-pair lexicon of the second pass is learnt from all
    their documents (more text, better alignments), and one file per pair is written.
    """
    from align.documents import align_corpus, pair_documents, read_sentences
    from align.export import to_json, to_tmx, to_tsv

    src_lang, tgt_lang = src_lang.lower(), tgt_lang.lower()
    gloss = resolve_glossary(glossary, no_glossary)

    def render(aligned) -> bytes:
        if fmt is AlignFormat.tmx:
            return to_tmx(aligned)
        return (to_json(aligned) if fmt is AlignFormat.json else to_tsv(aligned)).encode("utf-8")

    def align(pairs: list[tuple[Path, Path]]):
        docs = [(read_sentences(s, src_lang, lines), read_sentences(t, tgt_lang, lines)) for s, t in pairs]
        return align_corpus(docs, glossary=gloss, translate=translate)

    if source.is_dir() != target.is_dir():
        raise UsageError("SOURCE and TARGET must both be files or both be folders", target)
    if not source.is_dir():
        [aligned] = align([(source, target)])
        write_output(render(aligned), output)
        return
    if output is None:
        raise UsageError("aligning folders writes one file per pair: give -o FOLDER", source)
    if output.exists() and not output.is_dir():
        raise UsageError("not a folder", output)
    pairs, unpaired = pair_documents(source, target, (src_lang, tgt_lang))
    if not pairs:
        raise UsageError(f"no document of {source} has a namesake in {target}", source)
    for p in unpaired:
        print(f"backtrans: warning: {p}: no document of the same name in the other folder", file=sys.stderr)
    output.mkdir(parents=True, exist_ok=True)
    from rich.console import Console

    with Console(stderr=True).status(f"aligning {len(pairs)} document pairs (one lexicon for all)"):
        results = align([(p.src, p.tgt) for p in pairs])
    for pair, aligned in zip(pairs, results):
        write_output(render(aligned), output / f"{pair.key}.{fmt.value}")
        print(output / f"{pair.key}.{fmt.value}", file=sys.stderr)


class ScoreFormat(str, Enum):
    text = "text"
    json = "json"


def _score_inputs(hyp: Path, ref: Path, src: Path | None, lang: str, src_lang: str | None, langs: tuple[str, ...]):
    """The documents to score and the source language (from a bilingual HYP when not given)."""
    from align.documents import pair_documents
    from align.inputs import read_segments
    from align.score import ScoreInput

    if hyp.is_dir() != ref.is_dir() or (src is not None and src.is_dir() != hyp.is_dir()):
        raise UsageError("HYP, --ref and --src must all be files or all be folders", ref)
    if hyp.is_dir():
        pairs, _ = pair_documents(hyp, ref, langs)
        sources = {}
        if src is not None:
            sources = {p.key: p.tgt for p in pair_documents(hyp, src, langs)[0]}
        triples = [(p.src, p.tgt, sources.get(p.key)) for p in pairs]
        if src is not None and any(s is None for *_, s in triples):
            missing = next(h for h, _, s in triples if s is None)
            raise UsageError(f"no source document of the same name in {src}", missing)
        if not triples:
            raise UsageError(f"no document of {hyp} has a namesake in {ref}", hyp)
    else:
        triples = [(hyp, ref, src)]
    docs = []
    for h, r, s in triples:
        hs, rs = read_segments(h, lang), read_segments(r, lang)
        hl, rl = hs.lines, rs.lines
        if len(hl) != len(rl):
            raise UsageError(f"{len(hl)} segments but the reference has {len(rl)}", h)
        sl = read_segments(s).lines if s is not None else hs.sources
        if sl is not None and len(sl) != len(hl):
            raise UsageError(f"{len(sl)} segments but the hypothesis has {len(hl)}", s)
        if s is None and hs.sources is not None:
            src_lang = src_lang or hs.source_lang
        docs.append(ScoreInput(h.name, hl, rl, sl))
    return docs, src_lang


def score_command(
    hyp: Path = typer.Argument(..., help="Hypothesis: a text file (one segment a line), a TMX/XLIFF file (its targets; its sources serve as --src), or a folder."),
    ref: Path = typer.Option(..., "--ref", help="Reference: text or TMX/XLIFF (its targets), file or folder (files paired by name)."),
    src: Path | None = typer.Option(None, "--src", help="Source, segment-parallel: its concepts are the terms to find."),
    lang: str = typer.Option(..., "--lang", help="Language of HYP and REF."),
    src_lang: str | None = typer.Option(None, "--src-lang", help="Language of --src (required with it)."),
    glossary: Path | None = typer.Option(None, "--glossary", help="Glossary for term metrics (default: the shipped one)."),
    no_glossary: bool = typer.Option(False, "--no-glossary", help="No term metrics."),
    fmt: ScoreFormat = typer.Option(ScoreFormat.text, "--format", help="text or json."),
) -> None:
    """BLEU, chrF and TER (sacrebleu, with signatures), terminology accuracy (WMT21) and consistency (WMT23)."""
    import json
    from dataclasses import asdict

    from align.score import score_documents
    from align.terms import glossary_recogniser

    if src is not None and src_lang is None:
        raise UsageError("--src needs --src-lang", src)
    lang = lang.lower()
    src_lang = src_lang.lower() if src_lang else None
    gloss = resolve_glossary(glossary, no_glossary)
    docs, src_lang = _score_inputs(hyp, ref, src, lang, src_lang, tuple(x for x in (lang, src_lang) if x))
    recognise = glossary_recogniser(gloss) if gloss is not None else None
    expected_from = "source" if src_lang and all(d.srcs is not None for d in docs) else "reference"
    results = score_documents(docs, lang, recognise, src_lang)
    if fmt is ScoreFormat.json:
        print(json.dumps([asdict(d) for d in results], ensure_ascii=False, indent=1))
        return
    for d in results:
        print(f"{d.name} ({d.segments} segments)")
        for s in d.scores:
            print(f"  {s.metric:<6} {s.value:7.2f}  {s.signature}")
        if d.terms is not None:
            t = d.terms
            wins = "  ".join(f"window {w}: {v:.3f}" for w, v in t.window_overlap.items())
            print(f"  terms  exact-match {t.exact_match:.3f} ({t.found}/{t.expected} from the "
                  f"{expected_from})  {wins}  1-TERm {t.one_minus_term:.3f}  "
                  f"consistency {t.consistency:.3f}")


def register(app: typer.Typer) -> None:
    """Add ``align`` and ``score`` to the ``backtrans`` command."""
    app.command("align")(align_command)
    app.command("score")(score_command)
