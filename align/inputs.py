"""Segments to score, from plain text (one segment a line) or bilingual TMX / XLIFF files.

A bilingual file gives its targets as the segments and its sources alongside, so a TMX or
XLIFF hypothesis also supplies the source for the term metrics.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.documents import pair_documents
from translate.errors import InputError, UsageError
from translate.files import read_text
from translate.formats.bilingual import is_bilingual, read_bilingual


@dataclass(frozen=True)
class ScoreInput:
    """One document to score: hypothesis and reference lines (``more_refs``: further references,
    line for line, for BLEU, chrF and TER), optionally the source lines, and how many units were
    left out as untranslated (in a bilingual hypothesis or reference)."""

    name: str
    hyps: Sequence[str]
    refs: Sequence[str]
    srcs: Sequence[str] | None = None
    skipped: int = 0
    more_refs: tuple[Sequence[str], ...] = ()


@dataclass(frozen=True)
class Segments:
    """The segments of one file, with the source segments when the file is bilingual and the
    indices of its untranslated units (no target, or an empty one: their line is "")."""

    path: Path
    lines: list[str]
    sources: list[str] | None = None
    source_lang: str | None = None
    untranslated: frozenset[int] = frozenset()


STDIN = "-"  # a hypothesis read from standard input, one segment a line


def read_segments(path: Path | str, lang: str | None = None) -> Segments:
    """Read ``path`` (``-``: standard input): plain text lines, or the units of a TMX/XLIFF file (its targets, in
    ``lang`` when given, as the segments, sources alongside; partly translated files are the
    normal case: a unit without a target, or with an empty one, is listed as untranslated)."""
    if str(path) == STDIN:
        return Segments(Path(STDIN), sys.stdin.read().splitlines())
    path = Path(path)
    if not is_bilingual(path):
        return Segments(path, read_text(path).splitlines())
    bilingual = read_bilingual(path, lang)
    return Segments(
        path,
        [u.target or "" for u in bilingual.units],
        [u.source for u in bilingual.units],
        bilingual.source_lang or None,
        frozenset(i for i, u in enumerate(bilingual.units) if not (u.target or "").strip()),
    )


def read_score_inputs(hyp: Path | str, ref: Path | str | Sequence[Path | str], lang: str, src: Path | str | None = None,
                      src_lang: str | None = None) -> tuple[list[ScoreInput], str | None]:
    """The documents to score (files, or folders paired by name; HYP ``-``: standard input) and
    the source language (from a bilingual HYP when not given). ``ref`` may be several references
    (the first one also gives the terms); segment counts must agree, file by file."""
    refs = [Path(r) for r in ([ref] if isinstance(ref, (str, Path)) else ref)]
    if not refs:
        raise UsageError("no reference: give --ref")
    hyp = Path(hyp)
    src = Path(src) if src is not None else None
    if src is not None and src_lang is None:
        raise UsageError("--src needs --src-lang", src)
    folders = str(hyp) != STDIN and hyp.is_dir()
    if any(r.is_dir() != folders for r in refs) or (src is not None and src.is_dir() != folders):
        raise UsageError("HYP, --ref and --src must all be files or all be folders", refs[0])
    if folders:
        documents = _paired_folders(hyp, refs, src, lang, src_lang)
    else:
        documents = [(hyp, refs, src)]
    docs = []
    for h, rs_paths, s in documents:
        hs = read_segments(h, lang)
        rss = [read_segments(r, lang) for r in rs_paths]
        hl = hs.lines
        for r, rs in zip(rs_paths, rss):
            if len(hl) != len(rs.lines):
                raise UsageError(f"{len(hl)} segments but the reference {r} has {len(rs.lines)}", h)
        if not hl:
            raise InputError("nothing to score: no segment", h)
        sl = read_segments(s).lines if s is not None else hs.sources
        if sl is not None and len(sl) != len(hl):
            raise UsageError(f"{len(sl)} segments but the hypothesis has {len(hl)}", s)
        if s is None and hs.sources is not None:
            src_lang = src_lang or hs.source_lang
        skip = hs.untranslated.union(*(rs.untranslated for rs in rss))  # untranslated in any: not scored
        kept = [i for i in range(len(hl)) if i not in skip]
        if not kept:
            raise InputError(f"nothing to score: all {len(hl)} units are untranslated", h)
        first, *more = [[rs.lines[i] for i in kept] for rs in rss]
        docs.append(ScoreInput(h.name, [hl[i] for i in kept], first,
                               [sl[i] for i in kept] if sl is not None else None, len(skip), tuple(more)))
    return docs, src_lang


def _paired_folders(hyp: Path, refs: list[Path], src: Path | None, lang: str,
                    src_lang: str | None) -> list[tuple[Path, list[Path], Path | None]]:
    """Each document of the folder ``hyp`` with its namesakes in every reference folder (and ``src``)."""
    by_ref = []
    for ref in refs:
        pairs, _ = pair_documents(hyp, ref, (lang, lang))  # translate's outputs into other languages skipped
        by_ref.append({p.key: p for p in pairs})
    sources = {p.key: p.tgt for p in pair_documents(hyp, src, (lang, src_lang or ""))[0]} if src is not None else {}
    out = []
    for key, pair in by_ref[0].items():
        missing = next((r for r, found in zip(refs[1:], by_ref[1:]) if key not in found), None)
        if missing is not None:
            raise UsageError(f"no reference document of the same name in {missing}", pair.src)
        if src is not None and key not in sources:
            raise UsageError(f"no source document of the same name in {src}", pair.src)
        out.append((pair.src, [found[key].tgt for found in by_ref], sources.get(key)))
    if not out:
        raise UsageError(f"no document of {hyp} has a namesake in {refs[0]}", hyp)
    return out
