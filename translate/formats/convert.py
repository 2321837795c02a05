"""Reading and writing glossaries in any supported format, chosen by name or file extension."""

from __future__ import annotations

from pathlib import Path

from translate.errors import UsageError
from translate.files import read_bytes
from translate.glossary.model import Glossary

FORMATS = ("gloss", "tbx", "csv", "tsv")
_EXTENSIONS = {".gloss": "gloss", ".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "tsv", ".txt": "tsv"}
MAX_BYTES = 200 * 1024 * 1024


def detect_format(path: Path | str, fmt: str | None = None) -> str:
    """``fmt`` when given, else the format named by the file's extension."""
    if fmt:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")
        return fmt
    ext = Path(path).suffix.lower()
    if ext not in _EXTENSIONS:
        raise UsageError(f"cannot tell the format from {ext or 'no extension'!r}: pass --format", path)
    return _EXTENSIONS[ext]


def read_glossary_file(path: Path | str, fmt: str | None = None) -> Glossary:
    """A glossary from a .gloss, TBX, CSV or TSV file."""
    from translate.formats.gloss import parse_gloss
    from translate.formats.tabular import decode_table, parse_tabular
    from translate.formats.tbx import parse_tbx
    from translate.glossary.store import read_glossary_text

    path = Path(path)
    fmt = detect_format(path, fmt)
    if fmt == "gloss":
        return parse_gloss(read_glossary_text(path), path)
    data = read_bytes(path, MAX_BYTES)
    if fmt == "tbx":
        return parse_tbx(data, path)
    return parse_tabular(decode_table(data, path), path, fmt)


def export_glossary(glossary: Glossary, fmt: str, layout: str = "wide") -> bytes:
    """``glossary`` encoded in ``fmt`` (gloss, tbx, csv, tsv)."""
    from translate.formats.gloss import dump_gloss
    from translate.formats.tabular import dump_tabular
    from translate.formats.tbx import dump_tbx

    fmt = detect_format("", fmt)
    if fmt == "tbx":
        return dump_tbx(glossary)
    if fmt == "gloss":
        return dump_gloss(glossary).encode("utf-8")
    if layout not in ("wide", "long"):
        raise UsageError(f"unknown layout {layout!r} (wide, long)")
    return dump_tabular(glossary, fmt, layout).encode("utf-8")


def concept_record(concept) -> dict:  # type: ignore[no-untyped-def]
    """A JSON-ready record of a concept (what ``glossary list --format json`` prints)."""
    return {
        "id": concept.id,
        "kind": concept.kind,
        "en": concept.en,
        "vi": concept.vi,
        "note": concept.note,
        "terms": {
            lang: [
                {"text": t.text, "status": t.status.value, "note": t.note, "source": t.source}
                for t in terms
            ]
            for lang, terms in concept.terms.items()
        },
        "line": concept.line,
    }
