"""A check report in the format asked for: a terminal table, JSON (``report_json``), HTML (``report_html``),
CSV or XLSX (``report_sheet``: a row per finding)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING

from translate.check.model import Report

if TYPE_CHECKING:
    from translate.fix import FixedFile


class ReportFormat(str, Enum):
    """The formats a report renders in."""

    table = "table"
    json = "json"
    html = "html"
    csv = "csv"
    xlsx = "xlsx"

    @property
    def binary(self) -> bool:
        """Whether the format is bytes rather than text (XLSX)."""
        return self is ReportFormat.xlsx


def render_report(report: Report, fmt: ReportFormat, width: int = 160,
                  fixed: Mapping[str, FixedFile] | None = None) -> str | bytes:
    """``report`` in ``fmt``: text, or bytes for a binary format (tables ``width`` characters wide, without colour);
    the HTML page offers each document's ``fixed`` version (``translate.fix.fixed_versions``) for download."""
    if fmt in (ReportFormat.csv, ReportFormat.xlsx):
        from translate.check.report_sheet import render_csv, render_xlsx

        return render_xlsx(report) if fmt is ReportFormat.xlsx else render_csv(report)
    if fmt is ReportFormat.json:
        from translate.check.report_json import render_json

        return render_json(report)
    if fmt is ReportFormat.html:
        from translate.check.report_html import render_html

        return render_html(report, fixed)
    from rich.console import Console

    from translate.check.report_table import print_report

    buffer = io.StringIO()
    print_report(report, Console(file=buffer, width=width))
    return buffer.getvalue()
