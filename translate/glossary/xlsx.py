"""XLSX termbases (what Excel, memoQ and Phrase export): the first sheet, laid out as CSV/TSV.

Read and written with openpyxl; cells are read as their values (numbers as Excel shows them
without a fraction: 2025, not 2025.0), the table is the one ``translate.glossary.tabular``
reads, and errors name the sheet's row.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from translate.errors import FormatError
from translate.glossary.model import Glossary
from translate.glossary.tabular import parse_rows, table_rows


def parse_xlsx(data: bytes, path: Path | str, langs: Sequence[str] | None = None) -> Glossary:
    """The glossary in the first sheet of an XLSX workbook."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile as e:
        raise FormatError(f"not an XLSX workbook: {e}", path) from None
    except Exception as e:  # noqa: BLE001 - a damaged package fails in zlib, zipfile, XML or openpyxl
        raise FormatError(f"damaged XLSX workbook: {type(e).__name__}: {e}", path) from None
    try:
        sheet = workbook.worksheets[0]
        rows, starts = [], []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append([_cell(v) for v in row])
            starts.append(number)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a damaged sheet
        raise FormatError(f"unreadable XLSX sheet: {type(e).__name__}: {e}", path) from None
    finally:
        workbook.close()
    while rows and not any(rows[-1]):
        rows.pop()
        starts.pop()
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return parse_rows(rows, starts, path, "XLSX", langs)


def dump_xlsx(glossary: Glossary, layout: str = "wide") -> bytes:
    """``glossary`` as an XLSX workbook of one sheet, in the CSV layout."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("glossary")
    for row in table_rows(glossary, layout):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
