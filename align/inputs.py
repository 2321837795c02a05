"""Segments to score, from plain text (one segment a line) or bilingual TMX / XLIFF files.

A bilingual file gives its targets as the segments and its sources alongside, so a TMX or
XLIFF hypothesis also supplies the source for the term metrics.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.documents import pair_documents
from translate.errors import InputError, UsageError
from translate.files import read_text
from translate.formats.bilingual import is_bilingual, read_bilingual


@dataclass(frozen=True)
class ScoreInput:
    """One document to score: hypothesis and reference lines, optionally the source lines, and
    how many units were left out as untranslated (in a bilingual hypothesis or reference)."""

    name: str
    hyps: Sequence[str]
    refs: Sequence[str]
    srcs: Sequence[str] | None = None
    skipped: int = 0


@dataclass(frozen=True)
class Segments:
    """The segments of one file, with the source segments when the file is bilingual and the
    indices of its untranslated units (no target, or an empty one: their line is "")."""

    path: Path
    lines: list[str]
    sources: list[str] | None = None
    source_lang: str | None = None
    untranslated: frozenset[int] = frozenset()


def read_segments(path: Path | str, lang: str | None = None) -> Segments:
    """Read ``path``: plain text lines, or the units of a TMX/XLIFF file (its targets, in
    ``lang`` when given, as the segments, sources alongside; partly translated files are the
    normal case: a unit without a target, or with an empty one, is listed as untranslated)."""
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


def read_score_inputs(hyp: Path | str, ref: Path | str, lang: str, src: Path | str | None = None,
                      src_lang: str | None = None) -> tuple[list[ScoreInput], str | None]:
    """The documents to score (files, or folders paired by name) and the source language (from a
    bilingual HYP when not given). Segment counts must agree, file by file."""
    hyp, ref = Path(hyp), Path(ref)
    src = Path(src) if src is not None else None
    if src is not None and src_lang is None:
        raise UsageError("--src needs --src-lang", src)
    if hyp.is_dir() != ref.is_dir() or (src is not None and src.is_dir() != hyp.is_dir()):
        raise UsageError("HYP, --ref and --src must all be files or all be folders", ref)
    if hyp.is_dir():
        pairs, _ = pair_documents(hyp, ref, (lang, lang))  # translate's outputs into other languages skipped
        sources = {}
        if src is not None:
            sources = {p.key: p.tgt for p in pair_documents(hyp, src, (lang, src_lang or ""))[0]}
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
        if not hl:
            raise InputError("nothing to score: no segment", h)
        sl = read_segments(s).lines if s is not None else hs.sources
        if sl is not None and len(sl) != len(hl):
            raise UsageError(f"{len(sl)} segments but the hypothesis has {len(hl)}", s)
        if s is None and hs.sources is not None:
            src_lang = src_lang or hs.source_lang
        skip = hs.untranslated | rs.untranslated  # a unit untranslated in either is not scored
        kept = [i for i in range(len(hl)) if i not in skip]
        if not kept:
            raise InputError(f"nothing to score: all {len(hl)} units are untranslated", h)
        docs.append(ScoreInput(h.name, [hl[i] for i in kept], [rl[i] for i in kept],
                               [sl[i] for i in kept] if sl is not None else None, len(skip)))
    return docs, src_lang
