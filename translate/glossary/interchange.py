"""The file formats a glossary is read from and written to, chosen by name or by extension.

``.gloss`` is backtrans' own (``translate.glossary.gloss``); TBX v2/v3 (``tbx``), CSV and TSV
(``tabular``) and XLSX (``xlsx``, the same table in a workbook) are what terminology tools exchange. :func:`read_glossary` is the one way in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from translate.errors import UsageError
from translate.files import decode_utf8, read_bytes
from translate.glossary.gloss import dump_gloss, parse_gloss
from translate.glossary.model import Glossary
from translate.glossary.tabular import decode_table, dump_tabular, parse_tabular
from translate.glossary.tbx import dump_tbx, parse_tbx
from translate.glossary.xlsx import dump_xlsx, parse_xlsx

FORMATS = ("gloss", "tbx", "csv", "tsv", "xlsx")
LAYOUTS = ("wide", "long")
_EXTENSIONS = {".gloss": "gloss", ".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "tsv", ".txt": "tsv",
               ".xlsx": "xlsx"}
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


def read_glossary(path: Path | str, fmt: str | None = None, langs: Sequence[str] | None = None) -> Glossary:
    """A glossary from a .gloss, TBX, CSV or TSV file (``fmt``, else by extension); ``langs``:
    the languages of a CSV/TSV file's columns when it has no header (OmegaT's glossaries)."""
    path = Path(path)
    fmt = detect_format(path, fmt)
    data = read_bytes(path, MAX_BYTES)
    if fmt == "gloss":
        return parse_gloss(decode_utf8(data, path, advice="; save the file as UTF-8"), path)
    if fmt == "tbx":
        return parse_tbx(data, path)
    if fmt == "xlsx":
        return parse_xlsx(data, path, langs)
    return parse_tabular(decode_table(data, path), path, fmt, langs)


def export_glossary(glossary: Glossary, fmt: str, layout: str = "wide") -> bytes:
    """``glossary`` encoded in ``fmt`` (gloss, tbx, csv, tsv); CSV/TSV in ``layout`` wide or long."""
    fmt = detect_format("", fmt)
    if fmt == "tbx":
        return dump_tbx(glossary)
    if fmt == "gloss":
        return dump_gloss(glossary).encode("utf-8")
    if layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r} ({', '.join(LAYOUTS)})")
    if fmt == "xlsx":
        return dump_xlsx(glossary, layout)
    return dump_tabular(glossary, fmt, layout).encode("utf-8")
