"""Reading what ``backtrans check`` checks: text files (aligned with a source when given), TMX, XLIFF."""

from __future__ import annotations

import glob
from pathlib import Path

from translate.check.model import CheckedDocument, Segment
from translate.errors import InputError, UsageError
from translate.formats.bilingual import SUFFIXES, is_bilingual, read_bilingual
from translate.pipeline.segment import read_segmented

TEXT_SUFFIXES = {".txt", ".text", ".md"}


def expand_targets(targets: list[str | Path]) -> list[Path]:
    """Files named by ``targets``: files as given, folders searched for text/TMX/XLIFF files, globs."""
    found: list[Path] = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file()
                                and p.suffix.lower() in TEXT_SUFFIXES | set(SUFFIXES)))
        elif path.exists():
            found.append(path)
        elif glob.has_magic(str(target)):
            found.extend(sorted(Path(p) for p in glob.glob(str(target), recursive=True) if Path(p).is_file()))
        else:
            raise InputError("no such file", path)
    if not found:
        raise InputError(f"no files to check in {', '.join(map(str, targets))}")
    return list(dict.fromkeys(found))


def load_document(target: Path | str, lang: str, source: Path | str | None = None,
                  source_lang: str | None = None) -> CheckedDocument:
    """The document to check: a TMX/XLIFF file (by extension) or a text file, with its source."""
    target = Path(target)
    if is_bilingual(target):
        if source is not None:
            raise UsageError("a TMX/XLIFF file carries its own source: drop --source", target)
        return _bilingual(target, lang, source_lang)
    return read_plain(target, lang, source, source_lang)


def _bilingual(path: Path, lang: str, source_lang: str | None = None) -> CheckedDocument:
    """A TMX or XLIFF file as segments: one per unit with a target, its source attached."""
    data = read_bilingual(path, lang)
    segments = [Segment(index=i, line=u.line, column=0, text=u.target, source=u.source,
                        source_line=u.line, unit=i)
                for i, u in enumerate(u for u in data.units if u.target is not None)]
    src_lang = source_lang or data.source_lang or None
    return CheckedDocument(path, lang, segments, src_lang, path)


def read_plain(path: Path, lang: str, source: Path | str | None = None,
               source_lang: str | None = None) -> CheckedDocument:
    """A text file split into sentences; with ``source``, each sentence gets its aligned source."""
    doc = read_segmented(path, lang)
    segments = [Segment(index=i, line=s.paragraph + 1, column=s.start, text=s.text)
                for i, s in enumerate(doc.segments)]
    if source is None:
        return CheckedDocument(Path(path), lang, segments, source_lang)
    source = Path(source)
    src_doc = read_segmented(source, source_lang)
    source_lang = src_doc.lang
    starts = [s.index == 0 for s in doc.segments]
    return CheckedDocument(Path(path), lang, _aligned(segments, starts, src_doc, lang, source_lang),
                           source_lang, source)


def _aligned(segments: list[Segment], starts: list[bool], src_doc, lang: str,  # type: ignore[no-untyped-def]
             source_lang: str) -> list[Segment]:
    from align.documents import Sentences, align_documents

    src = Sentences([s.text for s in src_doc.segments], [s.index == 0 for s in src_doc.segments],
                    source_lang, src_doc.path)
    tgt = Sentences([s.text for s in segments], starts, lang)
    aligned = align_documents(src, tgt)
    out = list(segments)
    for unit, bead in enumerate(aligned.beads):
        text = " ".join(src.texts[i] for i in bead.src)
        line = src_doc.segments[bead.src[0]].paragraph + 1 if bead.src else 0
        for t in bead.tgt:
            s = out[t]
            out[t] = Segment(s.index, s.line, s.column, s.text, text, line, unit)
    return out
