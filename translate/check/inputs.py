"""Reading what ``backtrans check`` checks: text files (aligned with a source when given), TMX, XLIFF,
and the folders ``backtrans translate`` writes (``DOC.LANG.jsonl``: each sentence with its source)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from translate.check.model import CheckedDocument, Segment
from translate.detect import detect_language
from translate.errors import UsageError
from translate.formats.bilingual import SUFFIXES, is_bilingual, read_bilingual
from translate.pipeline.read import Document, expand_inputs
from translate.pipeline.segment import read_segmented, segment_document
from translate.pipeline.write import (
    TRANSLATION_SUFFIX,
    output_language,
    read_translations,
)
from translate.plugins import sentence_aligner

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


def expand_targets(targets: Iterable[str | Path], lang: str | None = None) -> list[Path]:
    """The files ``targets`` name: files as given, folders' text/TMX/XLIFF files and translate's
    outputs, globs. In a folder, translate's outputs into another language than ``lang`` are
    left out, and of ``DOC.LANG.txt`` and ``DOC.LANG.jsonl`` the JSON Lines (which carry the
    source) are read."""
    targets = list(targets)
    given = {Path(t) for t in targets if Path(t).is_file()}
    found = expand_inputs(targets, TEXT_SUFFIXES | set(SUFFIXES) | {TRANSLATION_SUFFIX})
    jsonl = {p.with_suffix("") for p in found if p.suffix == TRANSLATION_SUFFIX}
    out = []
    for path in found:
        if path not in given:
            output_lang = output_language(path)
            if path.suffix == TRANSLATION_SUFFIX and output_lang is None:
                continue  # JSON Lines that translate did not write
            if lang is not None and output_lang is not None and output_lang != lang:
                continue
            if path.suffix != TRANSLATION_SUFFIX and output_lang is not None and path.with_suffix("") in jsonl:
                continue
        out.append(path)
    return out



def load_document(target: Path | str, lang: str, source: Path | str | None = None,
                  source_lang: str | None = None) -> CheckedDocument:
    """The document to check: a TMX/XLIFF file (by extension) or a text file, with its source."""
    target = Path(target)
    if target.suffix == TRANSLATION_SUFFIX:
        if source is not None:
            raise UsageError("translate's JSON Lines carry their own source: drop --source", target)
        return _translations(target, lang)
    if is_bilingual(target):
        if source is not None:
            raise UsageError("a TMX/XLIFF file carries its own source: drop --source", target)
        return _bilingual(target, lang, source_lang)
    return read_plain(target, lang, source, source_lang)


def _bilingual(path: Path, lang: str, source_lang: str | None = None) -> CheckedDocument:
    """A TMX or XLIFF file as segments: one per unit with a target, its source attached."""
    data = read_bilingual(path, lang)
    translated = [(u, u.target) for u in data.units if u.target is not None]
    segments = [Segment(index=i, line=u.line, column=0, text=target, source=u.source, source_line=u.line, unit=i,
                        unit_id=u.id, codes=u.target_codes, source_codes=u.source_codes)
                for i, (u, target) in enumerate(translated)]
    src_lang = source_lang or data.source_lang or None
    return CheckedDocument(path, lang, segments, src_lang, path)


def _translations(path: Path, lang: str) -> CheckedDocument:
    """translate's ``DOC.LANG.jsonl``: each sentence's translation, its source attached."""
    records = read_translations(path)
    wrong = next((r for r in records if r.target_lang != lang), None)
    if wrong is not None:
        raise UsageError(f"translations into {wrong.target_lang}, not {lang}: choose --lang {wrong.target_lang}", path)
    segments = [Segment(index=i, line=i + 1, column=0, text=r.translation, source=r.source, source_line=i + 1, unit=i)
                for i, r in enumerate(records)]
    return CheckedDocument(path, lang, segments, records[0].source_lang if records else None, path)


def read_plain(path: Path, lang: str, source: Path | str | None = None,
               source_lang: str | None = None) -> CheckedDocument:
    """A text file split into sentences; with ``source``, each sentence gets its aligned source."""
    doc = read_segmented(path, lang)
    src_doc = read_segmented(source, source_lang) if source is not None else None
    return _plain(doc, src_doc, source_lang)


def text_document(text: str, lang: str, source: str | None = None, source_lang: str | None = None,
                  name: str = "text") -> CheckedDocument:
    """A target text given in memory (a server's request), with its source, read as ``read_plain``
    reads a file; its locations name ``name`` (the source's: ``name`` + ".source")."""
    doc = segment_document(Document(Path(name), lang, [line.rstrip() for line in text.splitlines()]))
    src_doc = None
    if source is not None:
        src_lang = source_lang or detect_language(source)
        src_doc = segment_document(Document(Path(f"{name}.source"), src_lang,
                                            [line.rstrip() for line in source.splitlines()]))
    return _plain(doc, src_doc, source_lang)


def _plain(doc: Document, src_doc: Document | None, source_lang: str | None) -> CheckedDocument:
    """A segmented text as segments to check, each with its aligned source sentence when ``src_doc``."""
    lang = doc.lang or ""
    segments = [Segment(index=i, line=s.paragraph + 1, column=s.start, text=s.text)
                for i, s in enumerate(doc.segments)]
    if src_doc is None:
        return CheckedDocument(doc.path, lang, segments, source_lang)
    return CheckedDocument(doc.path, lang, _aligned(segments, doc, src_doc), src_doc.lang, src_doc.path)


def _aligned(segments: list[Segment], doc: Document, src_doc: Document) -> list[Segment]:
    """``segments`` (of ``doc``) with the text of their aligned source sentences; a sentence the
    alignment gives no source (an addition) has none, rather than an empty one to compare against."""
    out = list(segments)
    for unit, (src_ids, tgt_ids) in enumerate(sentence_aligner()(src_doc, doc)):
        if not src_ids:
            continue
        text = " ".join(src_doc.segments[i].text for i in src_ids)
        line = src_doc.segments[src_ids[0]].paragraph + 1
        for t in tgt_ids:
            s = out[t]
            out[t] = Segment(s.index, s.line, s.column, s.text, text, line, unit)
    return out
