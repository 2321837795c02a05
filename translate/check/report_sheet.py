"""The findings as a sheet, one row each, for a spreadsheet or a QA tracker: CSV and XLSX.

Columns (:data:`COLUMNS`): file, line (1-based), segment (0-based), check, severity, message,
source (the aligned source text, empty without one), target (the segment's text), concept,
suggestion. CSV is RFC 4180 in UTF-8 without a BOM; XLSX has the same table with a header row,
filters and the severity in colour.
"""

from __future__ import annotations

import csv
import io
from dataclasses import astuple, dataclass, fields

from translate.check.model import Report

_FILLS = {"error": "FFCDD2", "warning": "FFE0B2", "info": "B3E5FC"}


@dataclass(frozen=True)
class FindingRow:
    """One finding as the sheet shows it."""

    file: str
    line: int
    segment: int
    check: str
    severity: str
    message: str
    source: str
    target: str
    concept: str
    suggestion: str


COLUMNS = tuple(f.name for f in fields(FindingRow))


def finding_rows(report: Report) -> list[FindingRow]:
    """A row per finding, in the report's order, with its segment's source and target text."""
    docs = {str(d.path): d for d in report.documents}
    rows = []
    for f in report.findings:
        doc = docs.get(f.location.file)
        seg = doc.segment(f.location.segment) if doc is not None else None
        rows.append(FindingRow(f.location.file, f.location.line, f.location.segment, f.check, f.severity.label,
                               f.message, (seg.source or "") if seg else "", seg.text if seg else f.evidence,
                               f.concept, f.suggestion))
    return rows


def render_csv(report: Report) -> str:
    """The findings as CSV text, a header row first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(astuple(row) for row in finding_rows(report))
    return buffer.getvalue()


def render_xlsx(report: Report) -> bytes:
    """The findings as an XLSX workbook (one sheet, "findings")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "findings"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    severity_column = COLUMNS.index("severity") + 1
    for row in finding_rows(report):
        sheet.append(astuple(row))
        cell = sheet.cell(sheet.max_row, severity_column)
        cell.fill = PatternFill("solid", fgColor=_FILLS[row.severity])
    widths = {"file": 28, "message": 60, "source": 60, "target": 60, "suggestion": 24}
    for i, name in enumerate(COLUMNS, 1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = widths.get(name, 12)
        if name in ("message", "source", "target"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
